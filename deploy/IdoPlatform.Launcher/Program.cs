using System.Globalization;
using IdoPlatform.Launcher;
using IdoPlatform.Launcher.Local;

// The local launcher behind `./ido up | down | status` (see the ido script at the repository root).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var root = Checkout.FindRoot();
return args switch
{
    ["up", .. var options] when UpOptions.TryParse(options, out var up) => await UpCommand.RunAsync(root, up),
    ["down"] => await DownCommand.RunAsync(root),
    ["status"] => await StatusCommand.RunAsync(root),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: ./ido up [--port N] [--no-rate-limits] | ./ido down | ./ido status");
    return 64;
}
