using System.Text.Json;

namespace BounceService.Classification.Tests.Mail;

/// <summary>One line of <c>Corpus/sisimai/labels.jsonl</c>: Sisimai's reading of one message.</summary>
internal sealed record CorpusLabel(string File, IReadOnlyList<ExpectedRecipient>? Expect)
{
    public static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Corpus", "sisimai");

    public static IEnumerable<CorpusLabel> All() => In(Root);

    /// <summary>The labels in <paramref name="directory"/>'s <c>labels.jsonl</c>, files named relative to it.</summary>
    public static IEnumerable<CorpusLabel> In(string directory) =>
        System.IO.File.ReadLines(Path.Combine(directory, "labels.jsonl"))
            .Where(line => line.Length > 0)
            .Select(line => JsonSerializer.Deserialize<CorpusLabel>(line, Json)!);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}

internal sealed record ExpectedRecipient(string? Recipient, string? Status, string Reason, bool? Hard);
