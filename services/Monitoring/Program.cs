using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Monitoring;
using IdoPlatform.Monitoring.Reporting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(new ServiceDescription(MonitoringServiceSetup.ServiceName, MonitoringServiceSetup.BasePath,
    "1.0.0", "Monitoring")
{
    Description = "Landelijke, geaggregeerde tellingen van IDO-bezoeken, vragen, verwijzingen en IDO-locaties, " +
                  "geschikt voor publicatie (kleine aantallen onderdrukt).",
    AlsoProduces = [ReportWriter.CsvMediaType],
});
builder.Services.AddMonitoring(builder.Configuration);

var app = builder.Build();
app.UseServiceDefaults();
app.MapMonitoringApi();
app.Run();

public partial class Program;
