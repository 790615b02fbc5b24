using System.Globalization;

namespace BounceService.Deployment.Tests;

public sealed class KubernetesManifestTests
{
    private static readonly IReadOnlyList<Manifests.Container> Containers = Manifests.Containers();

    private static IEnumerable<Manifests.Container> Own => Containers.Where(c => c.Project is not null);

    [Fact]
    public void Every_yaml_file_under_k8s_parses_into_objects_with_a_kind()
    {
        Assert.NotEmpty(Yaml.KubernetesFiles);
        foreach (var file in Yaml.KubernetesFiles)
        {
            var documents = Yaml.Load(file);
            Assert.NotEmpty(documents);
            Assert.All(documents, d => Assert.False(string.IsNullOrEmpty(d.Kind()), $"{Yaml.Relative(file)}: a document has no kind"));
        }
    }

    [Fact]
    public void Every_container_sets_cpu_and_memory_requests_and_a_memory_limit()
    {
        Assert.Equal(5, Own.Count()); // three services, two migration containers
        foreach (var c in Containers)
        {
            var resources = c.Spec.Map("resources");
            var what = $"{c.File} {c.Workload}/{c.Spec.Str("name")}";
            Assert.False(string.IsNullOrEmpty(resources.Map("requests").Str("cpu")), what + ": no cpu request");
            Assert.False(string.IsNullOrEmpty(resources.Map("requests").Str("memory")), what + ": no memory request");
            Assert.False(string.IsNullOrEmpty(resources.Map("limits").Str("memory")), what + ": no memory limit");
        }
    }

    [Fact]
    public void Every_service_container_is_probed_on_health_and_alive_at_its_http_port()
    {
        // Jobs run to completion (the migration): probes are for long-running containers.
        foreach (var c in Containers.Where(c => c.WorkloadKind != "Job"))
        {
            var what = $"{c.File} {c.Workload}";
            var ports = c.Spec.Maps("ports").ToList();
            Assert.Contains(ports, p => p.Str("containerPort") == Manifests.ImagePort.ToString(CultureInfo.InvariantCulture));
            foreach (var (probe, path) in new[] { ("readinessProbe", "/health"), ("livenessProbe", "/alive") })
            {
                var get = c.Spec.Map(probe).Map("httpGet");
                Assert.True(get.Str("path") == path, $"{what}: {probe} must GET {path}, not {get.Str("path")}");
                var port = get.Str("port");
                Assert.True(ports.Any(p => p.Str("name") == port || p.Str("containerPort") == port), $"{what}: {probe} port {port} is not a container port");
            }
        }
    }

    [Fact]
    public void Every_image_is_one_of_the_services_or_a_pinned_third_party_image()
    {
        var images = Containers.Select(c => (c.File, c.Image))
            .Concat(Manifests.Objects("Cluster").Select(o => ("Cluster", o.Map("spec").Str("imageName") ?? "")))
            .Concat(Manifests.Objects("RabbitmqCluster").Select(o => ("RabbitmqCluster", o.Map("spec").Str("image") ?? "")));
        foreach (var (where, image) in images)
        {
            if (Manifests.ImageProject(image) is { } project)
                Assert.True(Directory.Exists(Path.Combine(Yaml.Root, "services", $"BounceService.{project}")), $"{where}: {image} has no project");
            else
                Assert.True(image.Contains(':', StringComparison.Ordinal) && !image.EndsWith(":latest", StringComparison.Ordinal), $"{where}: pin {image} to a version");
        }
        // Each Deployment runs its own service's image.
        Assert.All(Own.Where(c => c.WorkloadKind == "Deployment"), c => Assert.Equal(ConfigurationKeys.Projects[c.Workload], c.Project));
    }

    [Fact]
    public void Every_environment_variable_is_a_configuration_key_its_service_reads()
    {
        foreach (var c in Own)
        {
            var env = c.Env.ToList();
            var referenced = env.SelectMany(e => Manifests.References(e.Str("value"))).ToHashSet();
            foreach (var name in env.Select(e => e.Str("name")!))
                Assert.True(ConfigurationKeys.IsRead(c.Project!, name) || referenced.Contains(name),
                    $"{c.File} {c.Workload}: {name} is read by no configuration key of {c.Project}");
            // A dependent variable must be defined before it is used, or Kubernetes leaves "$(NAME)" as it is.
            for (var i = 0; i < env.Count; i++)
                foreach (var r in Manifests.References(env[i].Str("value")))
                    Assert.True(env.Take(i).Any(e => e.Str("name") == r), $"{c.File} {c.Workload}: $({r}) is used before it is defined");
        }
    }

    [Fact]
    public void Config_map_keys_are_read_by_every_service_and_secret_keys_by_one_that_loads_them()
    {
        var configMaps = Manifests.Objects("ConfigMap").SelectMany(m => m.Map("data").Keys.Cast<string>())
            .Concat(Yaml.KubernetesFiles.Where(f => Path.GetFileName(f) == "kustomization.yaml")
                .SelectMany(f => Yaml.Load(f)[0].Maps("configMapGenerator"))
                .SelectMany(g => g.List("literals").Cast<string>().Select(l => l.Split('=', 2)[0])));
        var projects = ConfigurationKeys.Projects.Values.ToList();
        foreach (var key in configMaps)
            Assert.All(projects, p => Assert.True(ConfigurationKeys.IsRead(p, key), $"ConfigMap key {key} is not read by {p}"));

        var secret = Yaml.Load(Path.Combine(Yaml.Root, "k8s", "base", "secret.example.yaml"))[0];
        var loaders = Own.Where(c => c.Spec.Maps("envFrom").Any(e => e.Map("secretRef").Str("name") == secret.Name()))
            .Select(c => c.Project!).Distinct().ToList();
        Assert.NotEmpty(loaders);
        foreach (var key in secret.Map("stringData").Keys.Cast<string>())
            Assert.True(loaders.Any(p => ConfigurationKeys.IsRead(p, key)), $"Secret key {key} is read by none of {string.Join(", ", loaders)}");
    }

    [Fact]
    public void Every_secret_and_key_referenced_is_the_example_secret_or_one_an_operator_creates()
    {
        var example = Yaml.Load(Path.Combine(Yaml.Root, "k8s", "base", "secret.example.yaml"))[0];
        // Documented keys of the operators' generated Secrets, by the name each operator gives them.
        var generated = Manifests.Objects("Cluster").Select(o => o.Name() + "-app")
            .Concat(Manifests.Objects("RabbitmqCluster").Select(o => o.Name() + "-default-user"))
            .ToDictionary(n => n, _ => new[] { "username", "password" });
        foreach (var c in Containers)
        {
            foreach (var reference in c.Env.Select(e => e.Map("valueFrom").Map("secretKeyRef")).Where(r => r.Count > 0))
            {
                var (name, key) = (reference.Str("name")!, reference.Str("key")!);
                var known = generated.TryGetValue(name, out var keys) ? keys
                    : name == example.Name() ? example.Map("stringData").Keys.Cast<string>().ToArray() : [];
                Assert.True(known.Contains(key), $"{c.File} {c.Workload}: secret {name} has no key {key}");
            }
            foreach (var from in c.Spec.Maps("envFrom").Select(e => e.Map("secretRef")).Where(r => r.Count > 0))
                Assert.Equal(example.Name(), from.Str("name"));
        }
    }

    [Fact]
    public void Connection_strings_point_at_the_operator_managed_clusters()
    {
        var database = Assert.Single(Manifests.Objects("Cluster")).Name();
        var broker = Assert.Single(Manifests.Objects("RabbitmqCluster")).Name();
        foreach (var e in Own.SelectMany(c => c.Env))
        {
            if (e.Str("name") == "ConnectionStrings__Postgres") Assert.StartsWith($"Host={database}-rw;", e.Str("value"));
            if (e.Str("name") == "ConnectionStrings__RabbitMq") Assert.Contains($"@{broker}:5672/", e.Str("value"));
        }
    }

    [Fact]
    public void Services_and_the_ingress_route_to_existing_ports_and_cover_every_api_path_the_code_serves()
    {
        var services = Manifests.Objects("Service").ToDictionary(s => s.Name());
        var deployments = Manifests.Objects("Deployment").ToDictionary(d => d.Name());
        foreach (var (name, service) in services)
        {
            var pod = deployments[service.Map("spec").Map("selector").Str("app.kubernetes.io/name")!].Map("spec").Map("template").Map("spec");
            var portNames = pod.Maps("containers").SelectMany(c => c.Maps("ports")).Select(p => p.Str("name")).ToHashSet();
            Assert.All(service.Map("spec").Maps("ports"), p => Assert.Contains(p.Str("targetPort"), portNames));
        }

        var routes = Manifests.Objects("Ingress").SelectMany(i => i.Map("spec").Maps("rules"))
            .SelectMany(r => r.Map("http").Maps("paths"))
            .Select(p => (Path: p.Str("path")!, Backend: p.Map("backend").Map("service")))
            .ToList();
        foreach (var (_, backend) in routes)
        {
            Assert.True(services.TryGetValue(backend.Str("name")!, out var service), $"no Service {backend.Str("name")}");
            Assert.Contains(service.Map("spec").Maps("ports"), p => p.Str("name") == backend.Map("port").Str("name"));
        }
        foreach (var (deployment, project) in ConfigurationKeys.Projects)
            foreach (var prefix in CodeRoutes(project))
                Assert.True(routes.Any(r => r.Path == prefix && r.Backend.Str("name") == deployment), $"the ingress does not send {prefix} to {deployment}");
    }

    /// <summary>The first two segments (<c>/v1/name</c>) of every route literal in a service's code.</summary>
    private static IEnumerable<string> CodeRoutes(string project) =>
        Directory.EnumerateFiles(Path.Combine(Yaml.Root, "services", $"BounceService.{project}"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), "\"(/v1/[a-z-]+)").Select(m => m.Groups[1].Value))
            .Distinct();
}
