using System.Text.RegularExpressions;

namespace BounceService.Deployment.Tests;

/// <summary>The containers of the Kubernetes manifests and what they load.</summary>
public static partial class Manifests
{
    public sealed record Container(string File, string Workload, string WorkloadKind, Dictionary<object, object?> Spec)
    {
        public string Image => Spec.Str("image") ?? "";

        /// <summary>The service project an image of this repository runs (bounceservice/&lt;name&gt;), else null.</summary>
        public string? Project => ImageProject(Image);

        public IEnumerable<Dictionary<object, object?>> Env => Spec.Maps("env");
    }

    public static string? ImageProject(string image)
    {
        var match = OwnImage().Match(image);
        return match.Success && ConfigurationKeys.Projects.TryGetValue(match.Groups[1].Value, out var project) ? project : null;
    }

    public static IReadOnlyList<Container> Containers() =>
        Yaml.KubernetesObjects()
            .Where(o => o.Object.Kind() is "Deployment" or "StatefulSet" or "DaemonSet" or "Job")
            .SelectMany(o => o.Object.Map("spec").Map("template").Map("spec") is var pod
                ? pod.Maps("containers").Concat(pod.Maps("initContainers"))
                    .Select(c => new Container(o.File, o.Object.Name(), o.Object.Kind(), c))
                : [])
            .ToList();

    public static IEnumerable<Dictionary<object, object?>> Objects(string kind) =>
        Yaml.KubernetesObjects().Where(o => o.Object.Kind() == kind).Select(o => o.Object);

    /// <summary>The port the images listen on (the Dockerfile's EXPOSE).</summary>
    public static int ImagePort { get; } = int.Parse(
        ExposeLine().Match(File.ReadAllText(Path.Combine(Yaml.Root, "Dockerfile"))).Groups[1].Value,
        System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The names an env value refers to as <c>$(NAME)</c> (Kubernetes dependent variables).</summary>
    public static IEnumerable<string> References(string? value) =>
        value is null ? [] : DependentVariable().Matches(value).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"^bounceservice/([a-z-]+)(:[\w.-]+)?$")]
    private static partial Regex OwnImage();

    [GeneratedRegex(@"(?m)^EXPOSE\s+(\d+)")]
    private static partial Regex ExposeLine();

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex DependentVariable();
}
