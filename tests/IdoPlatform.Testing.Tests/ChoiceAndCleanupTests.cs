using System.Diagnostics;
using IdoPlatform.LocalServers;

namespace IdoPlatform.Testing.Tests;

public sealed class ChoiceAndCleanupTests
{
    [Fact]
    public void Without_servers_the_message_says_what_to_install()
    {
        Assert.Null(ServerBinaries.PostgresBinDirectory(["/nonexistent/bin"]));
        Assert.Null(ServerBinaries.RabbitMqServerScript(["/nonexistent/bin"]));

        var message = RealServersUnavailableException.For("PostgreSQL", RealServers.PostgresVariable,
            "unix:///var/run/docker.sock", "no PostgreSQL server binaries were found").Message;

        Assert.Contains("apt-get install postgresql rabbitmq-server", message);
        Assert.Contains(RealServers.PostgresVariable, message);
    }

    [Fact]
    public async Task Leftovers_of_a_dead_process_are_removed_by_the_next_sweep()
    {
        var dead = Process.Start("true")!;
        await dead.WaitForExitAsync();
        var leftover = Path.Combine(InstanceDirectory.Root, $"postgres-{dead.Id}-leftover");
        Directory.CreateDirectory(Path.Combine(leftover, "data"));
        await File.WriteAllTextAsync(Path.Combine(leftover, "owner"), $"{dead.Id} 1");

        InstanceDirectory.SweepLeftovers();

        Assert.False(Directory.Exists(leftover));
    }

    [Fact]
    public async Task A_living_owners_folder_survives_the_sweep()
    {
        var living = Path.Combine(InstanceDirectory.Root, $"postgres-{Environment.ProcessId}-living");
        Directory.CreateDirectory(living);
        await File.WriteAllTextAsync(Path.Combine(living, "owner"),
            $"{Environment.ProcessId} {File.ReadAllText($"/proc/{Environment.ProcessId}/stat").Split(") ")[1].Split(' ')[19]}");

        InstanceDirectory.SweepLeftovers();

        Assert.True(Directory.Exists(living));
        Directory.Delete(living, recursive: true);
    }
}
