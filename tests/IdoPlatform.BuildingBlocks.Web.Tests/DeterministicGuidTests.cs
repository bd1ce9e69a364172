namespace IdoPlatform.BuildingBlocks.Web.Tests;

public sealed class DeterministicGuidTests
{
    private static readonly Guid DnsNamespace = Guid.Parse("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

    [Fact]
    public void It_matches_the_rfc_9562_version_5_reference_value() =>
        // uuid5(NAMESPACE_DNS, "python.org") as every conforming implementation computes it
        Assert.Equal(Guid.Parse("886313e1-3b8a-5372-9b90-0c9aee199e5d"), DeterministicGuid.Create(DnsNamespace, "python.org"));

    [Fact]
    public void The_same_name_gives_the_same_id_and_another_name_another()
    {
        var ns = Guid.NewGuid();

        Assert.Equal(DeterministicGuid.Create(ns, "desk-1/key-1"), DeterministicGuid.Create(ns, "desk-1/key-1"));
        Assert.NotEqual(DeterministicGuid.Create(ns, "desk-1/key-1"), DeterministicGuid.Create(ns, "desk-2/key-1"));
        Assert.Equal(5, DeterministicGuid.Create(ns, "x").Version);
    }
}
