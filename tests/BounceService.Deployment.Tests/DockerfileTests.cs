using System.Text.RegularExpressions;

namespace BounceService.Deployment.Tests;

/// <summary>The Dockerfile read as text (no Docker engine here): its stages, users, projects and what compose and k8s ask of it.</summary>
public sealed partial class DockerfileTests
{
    private sealed record Instruction(string Keyword, string Arguments);

    private sealed record Stage(string Name, string BaseImage, List<Instruction> Instructions);

    private static readonly IReadOnlyList<Instruction> Instructions = Parse(File.ReadAllText(Path.Combine(Yaml.Root, "Dockerfile")));

    private static readonly IReadOnlyList<Stage> Stages = StagesOf(Instructions);

    /// <summary>The values the build accepts for its SERVICE argument (the <c>case</c> guard of the build stage).</summary>
    private static readonly IReadOnlyList<string> BuildableServices =
        ServiceGuard().Match(string.Join('\n', Instructions.Where(i => i.Keyword == "RUN").Select(i => i.Arguments))) is { Success: true } guard
            ? guard.Groups[1].Value.Split('|')
            : [];

    /// <summary>Stages no other stage builds on or copies from: the images the file produces.</summary>
    private static IEnumerable<Stage> RuntimeStages =>
        Stages.Where(s => !Stages.Any(o => o.BaseImage == s.Name || o.Instructions.Any(i => i.Keyword == "COPY" && i.Arguments.Contains($"--from={s.Name} ", StringComparison.Ordinal))));

    [Fact]
    public void Builds_with_the_sdk_and_runs_on_the_smaller_aspnet_image()
    {
        Assert.True(Stages.Count >= 2, "the Dockerfile is not multi-stage");
        var runtime = Assert.Single(RuntimeStages);
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:", runtime.BaseImage);
        Assert.Contains(Stages, s => s.BaseImage.StartsWith("mcr.microsoft.com/dotnet/sdk:", StringComparison.Ordinal));
        Assert.DoesNotContain(runtime.Instructions, i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet publish", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_runtime_stage_ends_as_a_non_root_user()
    {
        foreach (var stage in RuntimeStages)
        {
            var user = stage.Instructions.LastOrDefault(i => i.Keyword == "USER")?.Arguments.Split(':')[0].Trim();
            Assert.False(user is null or "" or "root" or "0", $"stage {stage.Name} runs as {user ?? "root (no USER)"}");
        }
    }

    [Fact]
    public void Every_service_the_build_accepts_is_a_project_and_every_deployed_service_is_buildable()
    {
        var publish = Assert.Single(Instructions, i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet publish", StringComparison.Ordinal));
        var project = PublishedProject().Match(publish.Arguments).Groups[1].Value;
        Assert.Contains("${SERVICE}", project);
        Assert.NotEmpty(BuildableServices);
        foreach (var service in BuildableServices)
            Assert.True(File.Exists(Path.Combine(Yaml.Root, project.Replace("${SERVICE}", service, StringComparison.Ordinal))), $"SERVICE={service}: no {project}");
        Assert.Equal(ConfigurationKeys.Projects.Values.Order(), BuildableServices.Order());
    }

    [Fact]
    public void Migrate_given_to_a_container_reaches_a_program_that_handles_it()
    {
        var entrypoint = Assert.Single(Instructions, i => i.Keyword == "ENTRYPOINT").Arguments;
        Assert.Contains("$@", entrypoint); // container arguments are passed on to the app
        var migrating = ComposeServices().Where(s => s.Spec.List("command").Cast<string>().SequenceEqual(["migrate"])).Select(s => s.Project)
            .Concat(Manifests.Containers().Where(c => c.Spec.List("args").Cast<string>().SequenceEqual(["migrate"])).Select(c => c.Project))
            .ToList();
        Assert.Equal(4, migrating.Count); // two migrations in compose, two in the k8s Job
        foreach (var project in migrating)
        {
            Assert.NotNull(project);
            var program = File.ReadAllText(Path.Combine(Yaml.Root, "services", $"BounceService.{project}", "Program.cs"));
            Assert.True(program.Contains("args is [\"migrate\"]", StringComparison.Ordinal), $"{project} does not handle the migrate argument");
        }
    }

    [Fact]
    public void Every_image_and_build_target_named_in_compose_and_k8s_is_one_the_dockerfile_builds()
    {
        var stages = Stages.Select(s => s.Name).ToHashSet();
        foreach (var (name, spec, _) in ComposeServices())
        {
            var build = spec.Map("build");
            if (build.Count == 0) continue;
            Assert.Equal("Dockerfile", build.Str("dockerfile") ?? "Dockerfile");
            Assert.Contains(build.Map("args").Str("SERVICE"), BuildableServices);
            if (build.Str("target") is { } target) Assert.True(stages.Contains(target), $"{name}: no stage {target}");
        }
        var images = ComposeServices().Select(s => s.Spec.Str("image")).Concat(Manifests.Containers().Select(c => c.Image))
            .Where(i => i?.StartsWith("bounceservice/", StringComparison.Ordinal) == true);
        foreach (var image in images)
            Assert.True(Manifests.ImageProject(image!) is { } project && BuildableServices.Contains(project), $"{image} is not built by the Dockerfile");
    }

    private static IEnumerable<(string Name, Dictionary<object, object?> Spec, string? Project)> ComposeServices() =>
        Yaml.Load(Yaml.ComposeFile).Single().Map("services")
            .Select(s => ((string)s.Key, (Dictionary<object, object?>)s.Value!))
            .Select(s => (s.Item1, s.Item2, s.Item2.Map("build").Map("args").Str("SERVICE") ?? Manifests.ImageProject(s.Item2.Str("image") ?? "")));

    /// <summary>Instructions with their continuation lines joined; comments and blank lines dropped.</summary>
    private static List<Instruction> Parse(string dockerfile)
    {
        var instructions = new List<Instruction>();
        var current = "";
        foreach (var raw in dockerfile.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.TrimStart().StartsWith('#') || (current.Length == 0 && line.Trim().Length == 0)) continue;
            current += line.TrimEnd().TrimEnd('\\') + " ";
            if (line.TrimEnd().EndsWith('\\')) continue;
            var parts = current.Trim().Split(' ', 2);
            instructions.Add(new Instruction(parts[0].ToUpperInvariant(), parts.Length > 1 ? parts[1].Trim() : ""));
            current = "";
        }
        return instructions;
    }

    private static List<Stage> StagesOf(IReadOnlyList<Instruction> instructions)
    {
        var stages = new List<Stage>();
        foreach (var instruction in instructions)
        {
            if (instruction.Keyword == "FROM")
            {
                var words = instruction.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToArray();
                var name = words.Length >= 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[2] : stages.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                stages.Add(new Stage(name, words[0], []));
            }
            else if (stages.Count > 0) stages[^1].Instructions.Add(instruction);
        }
        return stages;
    }

    [GeneratedRegex(@"case\s+""\$SERVICE""\s+in\s+([A-Za-z|]+)\)")]
    private static partial Regex ServiceGuard();

    [GeneratedRegex(@"dotnet publish\s+""([^""]+\.csproj)""")]
    private static partial Regex PublishedProject();
}
