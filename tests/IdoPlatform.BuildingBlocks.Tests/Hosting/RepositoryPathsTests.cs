using IdoPlatform.BuildingBlocks.Hosting;
using Microsoft.Extensions.Configuration;

namespace IdoPlatform.BuildingBlocks.Tests.Hosting;

public class RepositoryPathsTests
{
    private static IConfiguration Settings(string? seedsPath = null) => new ConfigurationBuilder()
        .AddInMemoryCollection(seedsPath is null ? [] : [new(RepositoryPaths.SeedsPathKey, seedsPath)])
        .Build();

    [Fact]
    public void Relative_paths_resolve_against_the_repository_root()
    {
        var configuration = Settings();
        var root = Path.GetDirectoryName(RepositoryPaths.SeedsFolder(configuration))!;
        Assert.Equal(Path.GetFullPath(Path.Combine(root, "..", "shared", "x.json")),
            RepositoryPaths.Resolve(configuration, "../shared/x.json"));
        Assert.Equal("/abs/x.json", RepositoryPaths.Resolve(configuration, "/abs/x.json"));
    }

    [Fact]
    public void Without_a_setting_the_seeds_folder_above_the_app_is_found()
    {
        var seeds = RepositoryPaths.SeedsFolder(Settings());
        Assert.Equal("seeds", Path.GetFileName(seeds));
        Assert.True(File.Exists(Path.Combine(seeds, "agencies.json")));
    }

    [Fact]
    public void A_configured_seeds_folder_is_used_and_must_exist()
    {
        var folder = Directory.CreateTempSubdirectory("ido-seeds-").FullName;
        try
        {
            Assert.Equal(folder, RepositoryPaths.SeedsFolder(Settings(folder)));
            Assert.Throws<InvalidOperationException>(() => RepositoryPaths.SeedsFolder(Settings(Path.Combine(folder, "missing"))));
        }
        finally
        {
            Directory.Delete(folder);
        }
    }
}
