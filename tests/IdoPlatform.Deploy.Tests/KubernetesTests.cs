using YamlDotNet.RepresentationModel;

namespace IdoPlatform.Deploy.Tests;

/// <summary>No cluster runs here: the manifests are checked for shape and for agreeing with the code.</summary>
public sealed class KubernetesTests
{
    private static readonly List<YamlMappingNode> Documents = Directory
        .EnumerateFiles(Repository.PathOf("deploy/k8s"), "*.yaml")
        .SelectMany(f => Repository.YamlDocuments(Path.GetRelativePath(Repository.Root, f)))
        .ToList();

    private static IEnumerable<YamlMappingNode> OfKind(string kind) => Documents.Where(d => d.Text("kind") == kind);

    private static YamlMappingNode Named(string kind, string name) =>
        OfKind(kind).Single(d => d.Text("metadata", "name") == name);

    public static TheoryData<string> AppServices => new(Repository.Projects.Keys);

    [Fact]
    public void Every_document_is_a_namespaced_kubernetes_object()
    {
        Assert.True(Documents.Count >= 20, $"only {Documents.Count} documents");
        Assert.All(Documents, d =>
        {
            Assert.False(string.IsNullOrEmpty(d.Text("apiVersion")));
            Assert.False(string.IsNullOrEmpty(d.Text("metadata", "name")));
            if (d.Text("kind") != "Namespace") Assert.Equal("ido-platform", d.Text("metadata", "namespace"));
        });
    }

    [Theory, MemberData(nameof(AppServices))]
    public void Each_deployment_runs_its_image_on_the_configured_port_with_settings_it_reads(string name)
    {
        var deployment = Named("Deployment", name);
        var container = deployment.At("spec", "template", "spec", "containers")!.Items().Single();
        Assert.StartsWith($"ido-platform/{name}:", container.Text("image"));
        Assert.Equal("8080", container.At("ports")!.Items().Single().Text("containerPort"));
        Assert.Equal("/health/ready", container.Text("readinessProbe", "httpGet", "path"));

        var common = Named("ConfigMap", "ido-common").At("data").Entries().ToDictionary(e => e.Key, e => e.Value);
        Assert.Equal("http://+:8080", ((YamlScalarNode)common["Urls"]).Value);
        var keys = common.Keys.Concat(container.At("env").Items().Select(e => e.Text("name")!))
            .Where(k => k.Contains("__") || k == "Urls");
        var project = Repository.Projects[name];
        Assert.All(keys, key => Assert.True(Repository.ReadsConfiguration(project, key.Replace("__", ":")),
            $"{name} does not read {key}"));
    }

    [Theory, MemberData(nameof(AppServices))]
    public void Each_services_replicas_pools_during_a_rolling_update_plus_headroom_fit_its_servers_max_connections(string name)
    {
        var deployment = Named("Deployment", name);
        var env = deployment.At("spec", "template", "spec", "containers")!.Items().Single().At("env").Items()
            .SingleOrDefault(e => e.Text("name") == "ConnectionStrings__Postgres");
        if (env is null) return; // the gateway has no database
        var pool = ConnectionLimits.PoolMaximum(env.Text("value")!);
        var replicas = int.Parse(deployment.Text("spec", "replicas")!);
        var surge = (int)Math.Ceiling(replicas * 0.25); // a rolling update's default maxSurge: one pod more for a while
        var server = Named("StatefulSet", $"postgres-{name}").At("spec", "template", "spec", "containers")!.Items().Single();
        var maxConnections = ConnectionLimits.MaxConnections(server.At("args").Items().Select(a => ((YamlScalarNode)a).Value!));

        var wanted = (replicas + surge) * pool + ConnectionLimits.ServerHeadroom;
        Assert.True(wanted <= maxConnections,
            $"{name}: ({replicas} + {surge}) × {pool} + {ConnectionLimits.ServerHeadroom} = {wanted} > max_connections {maxConnections}");
    }

    [Fact]
    public void Every_service_selects_a_workload_and_targets_a_named_port_it_has()
    {
        var workloads = OfKind("Deployment").Concat(OfKind("StatefulSet")).ToList();
        foreach (var service in OfKind("Service"))
        {
            var app = service.Text("spec", "selector", "app");
            var workload = workloads.SingleOrDefault(w => w.Text("spec", "template", "metadata", "labels", "app") == app);
            Assert.True(workload is not null, $"service {service.Text("metadata", "name")} selects nothing");
            var portNames = workload!.At("spec", "template", "spec", "containers").Items()
                .SelectMany(c => c.At("ports").Items()).Select(p => p.Text("name")).ToHashSet();
            foreach (var port in service.At("spec", "ports").Items().Select(p => p.Text("targetPort")).OfType<string>())
                Assert.Contains(port, portNames);
        }
    }

    [Fact]
    public void The_gateway_forwards_to_kubernetes_services_on_their_port()
    {
        var env = Named("Deployment", "gateway").At("spec", "template", "spec", "containers")!.Items().Single().At("env").Items()
            .Where(e => e.Text("name")!.StartsWith("ReverseProxy__Clusters__", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, env.Count);
        foreach (var uri in env.Select(e => new Uri(e.Text("value")!)))
        {
            var service = Named("Service", uri.Host);
            Assert.Contains(service.At("spec", "ports").Items(), p => p.Text("port") == uri.Port.ToString());
        }
    }

    [Fact]
    public void Secret_and_config_map_references_resolve()
    {
        var secretKeys = Named("Secret", "ido-secrets").At("stringData").Entries().Select(e => e.Key).ToHashSet();
        var references = Documents.SelectMany(Descendants).OfType<YamlMappingNode>()
            .Select(m => m.At("secretKeyRef")).OfType<YamlMappingNode>().ToList();
        Assert.NotEmpty(references);
        Assert.All(references, r =>
        {
            Assert.Equal("ido-secrets", r.Text("name"));
            Assert.Contains(r.Text("key")!, secretKeys);
        });
    }

    [Fact]
    public void Several_replicas_per_service_and_a_three_node_rabbitmq_with_quorum_queues()
    {
        foreach (var name in Repository.Projects.Keys)
            Assert.True(int.Parse(Named("Deployment", name).Text("spec", "replicas")!) >= 2, $"{name} has one replica");
        Assert.Equal("3", Named("StatefulSet", "rabbitmq").Text("spec", "replicas"));
        Assert.Equal("true", Named("ConfigMap", "ido-common").Text("data", "Messaging__QuorumQueues"));
        foreach (var name in Repository.Projects.Keys.Where(n => n != "gateway"))
            Assert.Equal("1", Named("StatefulSet", $"postgres-{name}").Text("spec", "replicas"));
    }

    private static IEnumerable<YamlNode> Descendants(YamlNode node) =>
        node.AllNodes;
}
