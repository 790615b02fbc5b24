using BounceService.Classification.Mail;

namespace BounceService.Classification.Tests.Mail;

public class Iso2022JpTests
{
    private static readonly System.Text.Encoding Iso2022Jp = MailParts.Iso2022Jp.Value;

    [Theory]
    [InlineData("550 5.1.1 <a@example.jp>: Recipient address rejected: User unknown")]
    [InlineData("550 5.1.1 <a@example.jp>: \u5b9b\u5148\u306e\u30e1\u30fc\u30eb\u30a2\u30c9\u30ec\u30b9\u306f\u5b58\u5728\u3057\u307e\u305b\u3093 (user unknown)")]
    [InlineData("\u9001\u4fe1\u3067\u304d\u307e\u305b\u3093\u3067\u3057\u305f: a@example.jp")]
    [InlineData("")]
    public void Reads_japanese_text_as_the_decoder_does(string text)
    {
        var bytes = Iso2022Jp.GetBytes(text);
        Assert.Equal(text, MailParts.TextOf(bytes, Iso2022Jp));
    }

    [Fact]
    public void Reads_any_bytes_exactly_as_the_decoder_does()
    {
        // ASCII, escape sequences (JIS X 0208, ASCII, JIS Roman, half-width kana), shifts, high bytes and
        // JIS byte pairs in random order, valid or not: the ASCII run before the first escape is the only shortcut.
        byte[][] pieces =
        [
            "a"u8.ToArray(), " "u8.ToArray(), "@"u8.ToArray(), "\r\n"u8.ToArray(), "\u001b$B"u8.ToArray(), "\u001b(B"u8.ToArray(),
            "\u001b(J"u8.ToArray(), "\u001b(I"u8.ToArray(), "\u001b$@"u8.ToArray(), [0x0E], [0x0F], [0x1B], [0x80], [0xA4], [0xFF],
            [0x24, 0x22], [0x30, 0x21], [0x7E], [0x5C], [0x00],
        ];
        var random = new Random(20261205);
        for (var round = 0; round < 2000; round++)
        {
            var bytes = Enumerable.Range(0, random.Next(40)).SelectMany(_ => pieces[random.Next(pieces.Length)]).ToArray();
            Assert.Equal(Iso2022Jp.GetString(bytes), MailParts.TextOf(bytes, Iso2022Jp));
        }
    }
}
