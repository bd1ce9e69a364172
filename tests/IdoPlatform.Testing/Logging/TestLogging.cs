using Microsoft.Extensions.Logging;

namespace IdoPlatform.Testing.Logging;

public static class TestLogging
{
    /// <summary>A test host logs nothing, unless <c>IDO_TEST_LOGS=1</c> asks for its log on the console (one line an
    /// entry, Information and up) to follow a failing test.</summary>
    public static ILoggingBuilder ForTests(this ILoggingBuilder logging)
    {
        logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("IDO_TEST_LOGS") == "1")
            logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information);
        return logging;
    }
}
