namespace BounceService.Classify;

/// <summary>The files named on the command line, directories expanded to their <c>.eml</c> files in name order.</summary>
internal static class EmlFiles
{
    public readonly record struct Entry(string Path, bool Missing);

    public static IEnumerable<Entry> Under(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path, "*.eml", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
                foreach (var file in files) yield return new(file, false);
            }
            else
            {
                yield return new(path, !File.Exists(path));
            }
        }
    }
}
