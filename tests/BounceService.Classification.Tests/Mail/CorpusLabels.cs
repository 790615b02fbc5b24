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

    /// <summary>
    /// The label as reviewed: each value that <c>reviewed.jsonl</c> beside the labels shows to contradict the message's
    /// own report replaced, and an entry without a recipient that repeats the one before it dropped (a message that
    /// the corpus holds under two names got both names' expectations; no parser reports one recipient twice).
    /// </summary>
    public CorpusLabel Reviewed(IReadOnlyList<LabelReview> reviews)
    {
        if (Expect is null) return this;
        var expect = Expect.Where((_, i) => !Repeats(i)).ToList();
        foreach (var review in reviews.Where(r => r.File == File))
        {
            var at = expect.FindIndex(e => review.Field == "recipient" ? e.Recipient == review.Label : e.Status == review.Label);
            expect[at] = review.Field == "recipient" ? expect[at] with { Recipient = review.Reviewed } : expect[at] with { Status = review.Reviewed };
        }
        return this with { Expect = expect };
    }

    /// <summary>Whether entry <paramref name="index"/> has no recipient and repeats the entry before it.</summary>
    public bool Repeats(int index) =>
        Expect is { } expect && index > 0 && expect[index].Recipient is null && expect[index] == expect[index - 1];

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}

internal sealed record ExpectedRecipient(string? Recipient, string? Status, string Reason, bool? Hard);

/// <summary>
/// One line of <c>Corpus/sisimai/reviewed.jsonl</c>: a label value (<c>status</c> or <c>recipient</c>) that the
/// message's own report contradicts, the value the report gives, the report's words that say so, and why Sisimai
/// read it otherwise. The labels file itself stays as shared.
/// </summary>
internal sealed record LabelReview(string File, string Field, string Label, string Reviewed, string Evidence, string Why)
{
    public static IReadOnlyList<LabelReview> All() =>
        [.. System.IO.File.ReadLines(Path.Combine(CorpusLabel.Root, "reviewed.jsonl")).Where(line => line.Length > 0)
            .Select(line => JsonSerializer.Deserialize<LabelReview>(line, CorpusLabel.Json)!)];
}
