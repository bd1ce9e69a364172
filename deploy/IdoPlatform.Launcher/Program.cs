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
    ["restart", var name] => await RestartCommand.RunAsync(root, name),
    ["dead-letters"] => await DeadLettersCommand.ListAsync(root),
    ["replay-dead-letters", .. var queue] when queue.Length <= 1 => await DeadLettersCommand.ReplayAsync(root, queue.FirstOrDefault()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: ./ido up [--port N] [--no-rate-limits] [--replicas N] | ./ido down | ./ido status | ./ido restart <name> | ./ido dead-letters | ./ido replay-dead-letters [queue]");
    return 64;
}
