using System.Text;
using BounceService.Classification.Mail;
using MimeKit;

namespace BounceService.Classification.Tests.Mail;

/// <summary>MailHeaders.ValueOf reads plain fields without MimeKit's decoder: it must give what Header.Value gives.</summary>
public class MailHeadersTests
{
    private static readonly string Corpus = Path.Combine(AppContext.BaseDirectory, "Corpus");

    [Theory]
    [InlineData("X-Campaign-Id: c42\r\n")]
    [InlineData("X-Folded: first\r\n\tsecond\r\n  third \r\n")]
    [InlineData("X-Bare-Lf: a\n b\n")]
    [InlineData("X-Blank:   \r\n")]
    [InlineData("X-Controls: \va\fb\u001fc\u0000 \r\n")]
    [InlineData("Subject: =?utf-8?B?w6nDqQ==?= and =?iso-8859-1?Q?caf=E9?=\r\n")]
    [InlineData("Subject: caf\u00e9 in raw UTF-8\r\n")]
    [InlineData("X-Not-Encoded: =? on its own, a?= too\r\n")]
    public void Value_is_mimekits(string field)
    {
        Assert.True(Header.TryParse(Encoding.UTF8.GetBytes(field), out var header));
        Assert.Equal(header.Value, MailHeaders.ValueOf(header));
    }

    [Fact]
    public void Value_is_mimekits_for_every_field_of_the_corpus()
    {
        var fields = 0;
        foreach (var file in Directory.EnumerateFiles(Corpus, "*.eml", SearchOption.AllDirectories))
        {
            using var stream = File.OpenRead(file);
            var message = MimeMessage.Load(stream);
            foreach (var header in message.Headers.Concat(message.BodyParts.SelectMany(Fields)))
            {
                Assert.True(header.Value == MailHeaders.ValueOf(header), $"{file}: {header.Field}");
                fields++;
            }
        }
        Assert.True(fields > 10_000, $"only {fields} fields read");
    }

    // A part's own fields and, for a returned message, its headers.
    private static IEnumerable<Header> Fields(MimeEntity part) =>
        part is MessagePart { Message: { } returned } ? part.Headers.Concat(returned.Headers) : part.Headers;
}
