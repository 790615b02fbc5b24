using BounceService.Classification.Mail;
using Xunit.Abstractions;

namespace BounceService.Classification.Tests.Mail;

/// <summary>
/// Agreement on <c>Corpus/formats/</c>: bounces in the formats of mail systems that the Sisimai corpus half
/// in <c>Corpus/sisimai</c> does not hold (Exim, Sendmail, qmail, Gmail, ...), written by this project from
/// those systems' documented and commonly seen texts, one folder per system with its own <c>labels.jsonl</c>
/// (started from <c>scripts/sisimai-labels.sh</c>, i.e. Sisimai's reading, then reviewed). It checks that the
/// parser reads structure rather than remembering the corpus.
/// </summary>
public class FormatCorpusTests(ITestOutputHelper output)
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Corpus", "formats");

    [Fact]
    public void Parser_agrees_with_sisimai_on_formats_the_corpus_lacks()
    {
        var all = new CorpusAgreement();
        var byFormat = new SortedDictionary<string, CorpusAgreement>(StringComparer.Ordinal);
        foreach (var directory in Directory.EnumerateDirectories(Root))
        {
            var format = Path.GetFileName(directory);
            foreach (var label in CorpusLabel.In(directory))
            {
                var report = MailBounces.Read(File.ReadAllBytes(Path.Combine(directory, label.File)));
                all.Add(label with { File = $"{format}/{label.File}" }, report);
                (byFormat.TryGetValue(format, out var a) ? a : byFormat[format] = new()).Add(label, report);
            }
        }

        all.Print(output, byFormat);
        Assert.True(all.Total >= 3, "the formats corpus is missing");
        // Just under today's figures (99.5 / 98.4 / 97.7 / 99.0 on 385 entries), so they catch regressions; the
        // issue's targets are 99 / 98 / 95 / 98. Most misses left are Sisimai 4.25's labels of MTAs without a module
        // of their own (mdaemon/, communigate/, dsn-generic-01), kept as evidence until Sisimai 5's reading is known.
        all.AssertAtLeast(recipients: 99.4, status: 98.3, reason: 97.6, hard: 98.9);
    }
}
