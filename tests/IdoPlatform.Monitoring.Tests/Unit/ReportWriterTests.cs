using IdoPlatform.Monitoring.Reporting;

namespace IdoPlatform.Monitoring.Tests.Unit;

public class ReportWriterTests
{
    [Fact]
    public void Csv_is_RFC_4180_with_a_header_row()
    {
        var table = new ReportTable(["period", "province", "visits", "suppressed"],
            [["2026-Q1", "Fryslân", 12L, false], ["2026-Q1", "Noord-\"Holland\", zuid", null, true]],
            new Dictionary<string, object?>());

        Assert.Equal(
            "period,province,visits,suppressed\r\n" +
            "2026-Q1,Fryslân,12,false\r\n" +
            "2026-Q1,\"Noord-\"\"Holland\"\", zuid\",,true\r\n",
            ReportWriter.ToCsv(table));
    }
}
