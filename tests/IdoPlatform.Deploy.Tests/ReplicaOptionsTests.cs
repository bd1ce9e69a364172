using IdoPlatform.Launcher.Local;

namespace IdoPlatform.Deploy.Tests;

/// <summary><c>./ido up --replicas N</c> and what <c>./ido restart NAME</c> stands for.</summary>
public sealed class ReplicaOptionsTests
{
    [Theory]
    [InlineData(new[] { "--replicas", "2" }, 2)]
    [InlineData(new[] { "--port", "8080", "--replicas", "3", "--no-rate-limits" }, 3)]
    [InlineData(new string[0], 1)]
    public void Replicas_are_read_from_the_command_line(string[] args, int replicas)
    {
        Assert.True(UpOptions.TryParse(args, out var options));
        Assert.Equal(replicas, options.Replicas);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("5")]
    [InlineData("twee")]
    public void A_replica_count_outside_one_to_four_is_refused(string count) =>
        Assert.False(UpOptions.TryParse(["--replicas", count], out _));

    [Fact]
    public void A_service_name_means_each_of_its_instances_in_order_and_an_instance_name_that_one()
    {
        string[] running = ["gateway", "web", "registrations-1", "registrations-2", "referrals-1", "referrals-2"];

        Assert.Equal(["registrations-1", "registrations-2"], Supervisor.Named(running, n => n, "registrations"));
        Assert.Equal(["registrations-2"], Supervisor.Named(running, n => n, "registrations-2"));
        Assert.Equal(["web"], Supervisor.Named(running, n => n, "web"));
        Assert.Empty(Supervisor.Named(running, n => n, "registration"));
    }
}
