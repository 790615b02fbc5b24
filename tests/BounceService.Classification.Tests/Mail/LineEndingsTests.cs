using BounceService.Classification.Mail;

namespace BounceService.Classification.Tests.Mail;

public class LineEndingsTests
{
    [Theory]
    [InlineData("a\r\nb\r\n", false)]
    [InlineData("a\nb\n", false)]
    [InlineData("", false)]
    [InlineData("a\rb", true)]
    [InlineData("a\r", true)]
    [InlineData("\r", true)]
    [InlineData("a\r\r\n", true)]
    public void A_bare_cr_is_one_without_lf_after_it(string raw, bool bare) =>
        Assert.Equal(bare, LineEndings.HasBareCr(System.Text.Encoding.ASCII.GetBytes(raw)));

    [Fact]
    public void Finds_a_bare_cr_at_any_place_in_long_crlf_text()
    {
        // Every length and place around the vector blocks' edges, against a byte-by-byte reading.
        var random = new Random(20261205);
        for (var length = 0; length < 200; length++)
        {
            for (var round = 0; round < 20; round++)
            {
                // CRLF text, and in half of the rounds one CR put anywhere (bare unless an LF happens to follow it).
                var raw = new byte[length];
                for (var i = 0; i < length; i++) raw[i] = (byte)(i % 2 == 0 ? '\r' : '\n');
                for (var i = 0; i < length; i += 2) if (random.Next(3) == 0) raw[i] = (byte)'a';
                if (length > 0 && round % 2 == 0) raw[random.Next(length)] = (byte)'\r';
                var expected = false;
                for (var i = 0; i < length; i++) expected |= raw[i] == '\r' && (i + 1 == length || raw[i + 1] != '\n');
                Assert.Equal(expected, LineEndings.HasBareCr(raw));
            }
        }
    }

    [Fact]
    public void Every_corpus_message_reads_the_same_with_crlf_and_with_bare_cr_endings()
    {
        // The Sisimai corpus keeps dos/ and mac/ copies of only some messages; this holds it for all of them.
        var messages = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Corpus"), "*.eml", SearchOption.AllDirectories).ToList();
        Assert.True(messages.Count > 700);
        foreach (var file in messages)
        {
            var lf = File.ReadAllText(file, System.Text.Encoding.Latin1).Replace("\r\n", "\n", StringComparison.Ordinal);
            var expected = Reading(lf);
            Assert.Equal(expected, Reading(lf.Replace("\n", "\r\n", StringComparison.Ordinal)));
            Assert.Equal(expected, Reading(lf.Replace('\n', '\r')));
        }
    }

    // What a report says, with the diagnostics' line breaks and blanks made one space (their text is the same).
    private static string Reading(string message)
    {
        var report = MailBounces.Read(System.Text.Encoding.Latin1.GetBytes(message));
        var recipients = report.Recipients.Select(r =>
            $"{r.Recipient} {r.FinalRecipient} {r.Status} {r.ReplyCode} {r.Verdict.Reason} {r.Verdict.Kind} {r.Verdict.Scope} {r.Hard} | {string.Join(' ', (r.Diagnostic ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))}");
        var original = report.Original is { } o ? $"{o.MessageId} {string.Join(";", o.Headers.OrderBy(h => h.Key).Select(h => $"{h.Key}={h.Value}"))}" : "";
        return $"{report.Format}\n{string.Join("\n", recipients)}\n{original}";
    }
}
