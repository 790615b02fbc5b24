using System.Text;
using BounceService.Classification.Mail;
using MimeKit.Encodings;

namespace BounceService.Classification.Tests.Mail;

/// <summary>The parser's own quoted-printable decoder must read every input as MimeKit's decoder does.</summary>
public class QuotedPrintableTests
{
    [Theory]
    [InlineData("plain text, no escape")]
    [InlineData("caf=C3=A9 and =e9 lower case")]
    [InlineData("soft=\r\nbreak and soft=\nbreak")]
    [InlineData("broken =ZZ, =\rX, =A\n and =4")]
    [InlineData("ends with an equals sign=")]
    [InlineData("=\r\n=\n==41=3D=")]
    public void Decodes_as_mimekit(string encoded) => AssertSameAsMimeKit(Encoding.Latin1.GetBytes(encoded));

    [Fact]
    public void Decodes_random_text_as_mimekit()
    {
        // Mostly the bytes that matter to the decoder, so escapes, breaks and their broken forms all occur.
        var alphabet = Encoding.Latin1.GetBytes("==\r\n aF9g\u00e9");
        var random = new Random(20261205);
        for (var i = 0; i < 5000; i++)
        {
            var input = new byte[random.Next(0, 40)];
            for (var j = 0; j < input.Length; j++) input[j] = alphabet[random.Next(alphabet.Length)];
            AssertSameAsMimeKit(input);
        }
    }

    private static void AssertSameAsMimeKit(byte[] input)
    {
        var expected = new byte[input.Length + 4];
        var expectedLength = new QuotedPrintableDecoder().Decode(input, 0, input.Length, expected);
        var actual = new byte[input.Length];
        var actualLength = QuotedPrintable.Decode(input, actual);
        Assert.Equal(Convert.ToHexString(expected, 0, expectedLength), Convert.ToHexString(actual, 0, actualLength));
    }
}
