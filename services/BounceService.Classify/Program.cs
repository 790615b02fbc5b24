using BounceService.Classify;

if (args is [] or ["-h" or "--help"])
{
    Console.Error.WriteLine("usage: bounce-classify FILE_OR_DIR...   |   bounce-classify --text \"550 5.1.1 ...\"");
    return args is [] ? 2 : 0;
}

using var output = Console.OpenStandardOutput();
if (args is ["--text", var diagnostic])
{
    JsonLines.WriteText(output, diagnostic);
    return 0;
}

var exit = 0;
foreach (var file in EmlFiles.Under(args))
{
    if (file.Missing)
    {
        Console.Error.WriteLine($"bounce-classify: no such file or directory: {file.Path}");
        exit = 1;
        continue;
    }
    JsonLines.WriteFile(output, file.Path, File.ReadAllBytes(file.Path));
}
return exit;
