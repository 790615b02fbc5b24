using System.Globalization;

namespace BounceService.Deployment.Tests;

public sealed class ComposeTests
{
    private static readonly Dictionary<object, object?> Services = Yaml.Load(Yaml.ComposeFile).Single().Map("services");

    /// <summary>The compose services that run one of this repository's images, with its project.</summary>
    private static IEnumerable<(string Name, string Project, Dictionary<object, object?> Spec)> Own =>
        Services.Select(s => ((string)s.Key, (Dictionary<object, object?>)s.Value!))
            .Select(s => (s.Item1, Project: s.Item2.Map("build").Map("args").Str("SERVICE") ?? Manifests.ImageProject(s.Item2.Str("image") ?? ""), s.Item2))
            .Where(s => s.Project is not null)
            .Select(s => (s.Item1, s.Project!, s.Item3));

    [Fact]
    public void Compose_file_and_collector_config_parse()
    {
        Assert.NotEmpty(Services);
        Assert.NotEmpty(Yaml.Load(Path.Combine(Yaml.Root, "observability", "otel-collector.yaml")).Single().Map("service").Map("pipelines"));
    }

    [Fact]
    public void Service_images_are_built_from_the_project_they_are_named_after_and_others_are_pinned()
    {
        Assert.Equal(5, Own.Count()); // the three services and the two migrations
        foreach (var (name, project, spec) in Own)
        {
            Assert.True(Directory.Exists(Path.Combine(Yaml.Root, "services", $"BounceService.{project}")), $"{name}: no project {project}");
            if (spec.Str("image") is { } image) Assert.Equal(project, Manifests.ImageProject(image));
        }
        foreach (var (name, spec) in Services.Where(s => ((Dictionary<object, object?>)s.Value!).Map("build").Count == 0))
        {
            var image = ((Dictionary<object, object?>)spec!).Str("image") ?? "";
            Assert.True(Manifests.ImageProject(image) is not null || (image.Contains(':', StringComparison.Ordinal) && !image.EndsWith(":latest", StringComparison.Ordinal)),
                $"{name}: pin {image} to a version");
        }
    }

    [Fact]
    public void Every_environment_variable_is_a_configuration_key_its_service_reads()
    {
        foreach (var (name, project, spec) in Own)
            foreach (var variable in spec.Map("environment").Keys.Cast<string>())
                Assert.True(ConfigurationKeys.IsRead(project, variable), $"{name}: {variable} is read by no configuration key of {project}");
    }

    [Fact]
    public void Services_listen_on_the_image_port_and_are_health_checked_on_it()
    {
        var port = Manifests.ImagePort.ToString(CultureInfo.InvariantCulture);
        foreach (var (name, _, spec) in Own.Where(s => !s.Name.StartsWith("migrate", StringComparison.Ordinal)))
        {
            Assert.All(spec.List("ports").Cast<string>(), p => Assert.EndsWith(":" + port, p));
            var test = string.Join(' ', spec.Map("healthcheck").List("test").Cast<string>());
            Assert.Contains($"/dev/tcp/127.0.0.1/{port}", test);
            Assert.Contains("GET /health ", test);
        }
    }

    [Fact]
    public void Every_dependency_has_a_condition_its_target_can_meet()
    {
        foreach (var (name, spec) in Services.Select(s => ((string)s.Key, (Dictionary<object, object?>)s.Value!)))
            foreach (var (target, condition) in spec.Map("depends_on").Select(d => ((string)d.Key, ((Dictionary<object, object?>)d.Value!).Str("condition"))))
            {
                Assert.True(Services.ContainsKey(target), $"{name} depends on unknown {target}");
                var targetSpec = (Dictionary<object, object?>)Services[target]!;
                switch (condition)
                {
                    case "service_healthy":
                        Assert.True(targetSpec.Map("healthcheck").Count > 0, $"{name} waits for {target} to be healthy, which has no healthcheck");
                        break;
                    case "service_completed_successfully":
                        Assert.Equal("no", targetSpec.Str("restart"));
                        break;
                    case "service_started":
                        break;
                    default:
                        Assert.Fail($"{name} -> {target}: condition {condition ?? "(none)"}");
                        break;
                }
            }
    }

    [Fact]
    public void Connection_strings_and_the_collector_endpoint_name_compose_services()
    {
        foreach (var (name, _, spec) in Own)
        {
            var env = spec.Map("environment");
            if (env.Str("ConnectionStrings__Postgres") is { } postgres)
                Assert.True(Services.ContainsKey(postgres.Split(';')[0]["Host=".Length..]), name);
            if (env.Str("ConnectionStrings__RabbitMq") is { } rabbit)
                Assert.True(Services.ContainsKey(new Uri(rabbit).Host), name);
            if (env.Str("OTEL_EXPORTER_OTLP_ENDPOINT") is { } otlp)
            {
                var collector = (Dictionary<object, object?>)Services[new Uri(otlp).Host]!;
                Assert.Contains(collector.List("ports").Cast<string>(), p => p.EndsWith(":" + new Uri(otlp).Port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
            }
            else if (!name.StartsWith("migrate", StringComparison.Ordinal))
                Assert.Fail($"{name} exports no telemetry");
        }
    }
}
