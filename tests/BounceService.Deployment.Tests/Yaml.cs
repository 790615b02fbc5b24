using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace BounceService.Deployment.Tests;

/// <summary>The repository's YAML as plain maps, lists and strings (anchors and merge keys resolved).</summary>
public static class Yaml
{
    public static string Root { get; } = FindRoot();

    public static string ComposeFile => Path.Combine(Root, "docker-compose.yml");

    /// <summary>Every manifest under <c>k8s/</c>, kustomizations and components included.</summary>
    public static IReadOnlyList<string> KubernetesFiles =>
        Directory.EnumerateFiles(Path.Combine(Root, "k8s"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();

    public static IReadOnlyList<Dictionary<object, object?>> Load(string file)
    {
        using var reader = File.OpenText(file);
        var parser = new MergingParser(new Parser(reader));
        var deserializer = new DeserializerBuilder().Build();
        var documents = new List<Dictionary<object, object?>>();
        parser.Consume<StreamStart>();
        while (parser.Accept<DocumentStart>(out _))
        {
            var document = deserializer.Deserialize<object?>(parser);
            documents.Add(document as Dictionary<object, object?>
                ?? throw new InvalidDataException($"{Relative(file)}: a document is not a mapping."));
        }
        return documents;
    }

    /// <summary>Kubernetes objects of the base, the overlays and the components (not kustomization files).</summary>
    public static IEnumerable<(string File, Dictionary<object, object?> Object)> KubernetesObjects() =>
        KubernetesFiles.Where(f => Path.GetFileName(f) != "kustomization.yaml")
            .SelectMany(f => Load(f).Select(d => (Relative(f), d)));

    public static string Relative(string file) => Path.GetRelativePath(Root, file);

    public static Dictionary<object, object?> Map(this Dictionary<object, object?> map, string key) =>
        map.TryGetValue(key, out var value) && value is Dictionary<object, object?> m ? m : [];

    public static List<object?> List(this Dictionary<object, object?> map, string key) =>
        map.TryGetValue(key, out var value) && value is List<object?> l ? l : [];

    public static IEnumerable<Dictionary<object, object?>> Maps(this Dictionary<object, object?> map, string key) =>
        map.List(key).OfType<Dictionary<object, object?>>();

    public static string? Str(this Dictionary<object, object?> map, string key) =>
        map.TryGetValue(key, out var value) ? value as string : null;

    public static string Kind(this Dictionary<object, object?> o) => o.Str("kind") ?? "";

    public static string Name(this Dictionary<object, object?> o) => o.Map("metadata").Str("name") ?? "";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BounceService.sln"))) return dir.FullName;
        throw new InvalidOperationException("BounceService.sln not found above " + AppContext.BaseDirectory);
    }
}
