using YamlDotNet.RepresentationModel;

namespace IdoPlatform.Deploy.Tests;

/// <summary>docker-compose cannot run here (no Docker engine); what can be checked without it is checked.</summary>
public sealed class ComposeTests
{
    private static readonly YamlMappingNode Compose = Repository.YamlDocuments("deploy/docker-compose.yml").Single();
    private static readonly Dictionary<string, YamlNode> Services = Compose.At("services").Entries().ToDictionary();

    public static TheoryData<string> AppServices => new(Repository.Projects.Keys);

    [Theory, MemberData(nameof(AppServices))]
    public void Each_service_builds_its_own_project_into_an_image(string name)
    {
        var service = Services[name];
        var project = service.Text("build", "args", "PROJECT");
        Assert.Equal(Repository.Projects[name], project);
        Assert.True(File.Exists(Repository.PathOf(project!)), $"{project} does not exist");
        Assert.Equal(Path.GetFileNameWithoutExtension(project), service.Text("build", "args", "ASSEMBLY"));
        Assert.Equal($"ido-platform/{name}:local", service.Text("image"));
    }

    [Theory, MemberData(nameof(AppServices))]
    public void Every_environment_setting_is_one_the_service_reads(string name)
    {
        var keys = Environment(Services[name]).Keys.ToList();
        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.True(Repository.ReadsConfiguration(Repository.Projects[name], key.Replace("__", ":")),
            $"{name} does not read {key}"));
        Assert.Equal("http://+:8080", Environment(Services[name])["Urls"]);
    }

    [Fact]
    public void The_gateway_forwards_to_compose_services_on_their_port()
    {
        var addresses = Environment(Services["gateway"])
            .Where(e => e.Key.StartsWith("ReverseProxy__Clusters__", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, addresses.Count);
        Assert.All(addresses, a =>
        {
            var uri = new Uri(a.Value);
            Assert.True(Services.ContainsKey(uri.Host), $"{uri.Host} is no compose service");
            Assert.Equal(8080, uri.Port);
        });
    }

    [Fact]
    public void Each_service_database_is_created_by_the_init_script()
    {
        var init = File.ReadAllText(Repository.PathOf("deploy/compose/postgres-init.sql"));
        foreach (var name in Repository.Projects.Keys.Where(n => n != "gateway"))
        {
            var connection = Environment(Services[name])["ConnectionStrings__Postgres"];
            var database = connection.Split(';').Single(p => p.StartsWith("Database=", StringComparison.Ordinal))["Database=".Length..];
            Assert.Contains($"CREATE DATABASE {database};", init);
        }
    }

    /// <summary>The service's environment, with YAML merge keys (&lt;&lt;: *anchor) folded in.</summary>
    [Fact]
    public void The_services_pools_plus_headroom_fit_the_shared_servers_max_connections()
    {
        var pools = Repository.Projects.Keys
            .Select(name => Environment(Services[name]).GetValueOrDefault("ConnectionStrings__Postgres"))
            .OfType<string>().Select(ConnectionLimits.PoolMaximum).ToList();
        Assert.Equal(4, pools.Count);
        var server = ConnectionLimits.MaxConnections(Services["postgres"].At("command").Items().Select(i => ((YamlScalarNode)i).Value!));
        Assert.True(pools.Sum() + ConnectionLimits.ServerHeadroom <= server,
            $"{pools.Sum()} + {ConnectionLimits.ServerHeadroom} > max_connections {server}");
    }

    private static Dictionary<string, string> Environment(YamlNode service)
    {
        var result = new Dictionary<string, string>();
        void Add(YamlNode? env)
        {
            foreach (var (key, value) in env.Entries())
                if (key == "<<") foreach (var merged in value is YamlSequenceNode list ? list.Children : [value]) Add(merged);
                else result[key] = ((YamlScalarNode)value).Value!;
        }
        Add(service.At("environment"));
        return result;
    }
}
