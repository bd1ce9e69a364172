using IdoPlatform.Gateway;

// The gateway only forwards: nothing it does blocks or takes long. Running socket completions on the I/O
// threads instead of handing each to the thread pool saves a thread switch per read and write (measured:
// about a fifth of the gateway's CPU per request). Read by the runtime at the first socket, so set it first;
// Kestrel's side of the same choice is in GatewayApp.
if (Environment.GetEnvironmentVariable(GatewayApp.InlineCompletionsVariable) is null)
    Environment.SetEnvironmentVariable(GatewayApp.InlineCompletionsVariable, "1");

var app = GatewayApp.Create(args);
app.Run();

/// <summary>Lets tests refer to this assembly's entry point.</summary>
public partial class Program;
