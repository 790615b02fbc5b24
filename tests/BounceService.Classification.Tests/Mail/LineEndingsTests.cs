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
}
