using IdoPlatform.Gateway;

var app = GatewayApp.Create(args);
app.Run();

/// <summary>Lets tests refer to this assembly's entry point.</summary>
public partial class Program;
