using BounceService.Classification.Mail;
using Xunit.Abstractions;

namespace BounceService.Classification.Tests.Mail;

/// <summary>
/// Agreement with Sisimai, counted per expected recipient (and per no-bounce message, which agrees when
/// nothing is reported). A recipient the parser did not find counts against every figure.
/// </summary>
internal sealed class CorpusAgreement
{
    public int Total { get; private set; }
    public int Recipients { get; private set; }
    public int Status { get; private set; }
    public int Reason { get; private set; }
    public int Hard { get; private set; }

    /// <summary>
    /// Entries without a recipient that repeat the entry before them: a message that the corpus holds under
    /// two names (an lhost and an rhost file) got both names' expectations. No parser can meet the repeat.
    /// </summary>
    public int Repeated { get; private set; }
    public List<string> Misses { get; } = [];

    public void Add(CorpusLabel label, MailReport report)
    {
        if (label.Expect is null) return;
        if (label.Expect.Count == 0)
        {
            Total++;
            var none = report.Recipients.Count == 0 ? 1 : 0;
            (Recipients, Status, Reason, Hard) = (Recipients + none, Status + none, Reason + none, Hard + none);
            if (none == 0) Misses.Add($"{label.File}: no bounce expected, got {report.Recipients[0].Recipient}");
            return;
        }
        for (var i = 1; i < label.Expect.Count; i++) Repeated += label.Repeats(i) ? 1 : 0;
        for (var i = 0; i < label.Expect.Count; i++) Compare(label.File, label.Expect[i], Find(label.Expect[i], i, report));
    }

    private void Compare(string file, ExpectedRecipient expected, MailRecipient? got)
    {
        Total++;
        if (got is null)
        {
            Misses.Add($"{file}: recipient {expected.Recipient} not found");
            return;
        }
        Recipients++;
        // Compared as bounce-classify prints it: Sisimai's stand-in X.0.9NN where the bounce names no code.
        var status = PseudoStatus.Or(got.Status, got.Verdict.Reason, got.ReplyCode, got.Diagnostic, got.GaveUpRetrying);
        if (status == expected.Status) Status++;
        else Misses.Add($"{file}: status {status}, Sisimai {expected.Status}");
        if (got.Verdict.Reason == expected.Reason) Reason++;
        else Misses.Add($"{file}: reason {got.Verdict.Reason}, Sisimai {expected.Reason}");
        if (got.Hard == (expected.Hard ?? false)) Hard++;
        else Misses.Add($"{file}: hard {got.Hard}, Sisimai {expected.Hard ?? false}");
    }

    // As bounce-classify prints it: the address that failed (the final recipient, as Sisimai names it).
    private static MailRecipient? Find(ExpectedRecipient expected, int index, MailReport report) =>
        expected.Recipient is null
            ? report.Recipients.ElementAtOrDefault(index)
            : report.Recipients.FirstOrDefault(r => (r.FinalRecipient ?? r.Recipient).Equals(expected.Recipient, StringComparison.Ordinal));

    public double Percent(int count) => Total == 0 ? 0 : 100.0 * count / Total;

    /// <summary>
    /// Prints the figures as <paramref name="name"/>, overall and per part (to the console too, so a plain run shows
    /// them), then, when asked, the misses.
    /// </summary>
    public void Print(ITestOutputHelper output, IEnumerable<KeyValuePair<string, CorpusAgreement>> parts, string name = "all", bool misses = true)
    {
        foreach (var line in parts.Select(p => $"{p.Key}: {p.Value}").Prepend($"{name}: {this}"))
        {
            output.WriteLine(line);
            Console.WriteLine(line);
        }
        if (misses) foreach (var miss in Misses) output.WriteLine(miss);
    }

    public void AssertAtLeast(double recipients, double status, double reason, double hard)
    {
        Assert.True(Percent(Recipients) >= recipients, $"recipients {Percent(Recipients):F1}%");
        Assert.True(Percent(Status) >= status, $"status {Percent(Status):F1}%");
        Assert.True(Percent(Reason) >= reason, $"reason {Percent(Reason):F1}%");
        Assert.True(Percent(Hard) >= hard, $"hard {Percent(Hard):F1}%");
    }

    public override string ToString() =>
        $"{Total} expected: recipients {Percent(Recipients):F1}%, status {Percent(Status):F1}%, reason {Percent(Reason):F1}%, hard {Percent(Hard):F1}%"
        + (Repeated > 0 ? $" ({Repeated} repeated entries)" : "");
}
