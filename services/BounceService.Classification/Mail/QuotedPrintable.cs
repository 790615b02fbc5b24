namespace BounceService.Classification.Mail;

/// <summary>
/// Quoted-printable decoding, read for read as MimeKit's QuotedPrintableDecoder does it in one call: "=XX" is the
/// byte, a soft line break ("=" before LF or CRLF) is dropped, "==" keeps one "=" and escapes again, any other
/// broken escape stays as it is, and an escape cut short by the end is dropped.
/// </summary>
/// <remarks>MimeKit steps through every byte; this copies the runs between "=" signs in one go (notification
/// text is mostly such runs), which is several times quicker.</remarks>
internal static class QuotedPrintable
{
    /// <summary>Decodes <paramref name="input"/> into <paramref name="output"/> (as long as the input at least).</summary>
    public static int Decode(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var length = 0;
        while (true)
        {
            var escape = input.IndexOf((byte)'=');
            var run = escape < 0 ? input : input[..escape];
            run.CopyTo(output[length..]);
            length += run.Length;
            if (escape < 0) return length;
            var at = escape + 1;
            // After "=": a run of further "=" each stands for itself, then one escape.
            while (at < input.Length && input[at] == '=')
            {
                output[length++] = (byte)'=';
                at++;
            }
            if (at >= input.Length) return length;
            var first = input[at++];
            if (IsHex(first) || first == '\r')
            {
                // "=XX" is a byte, "=" CRLF a soft break; otherwise all three stay as they are.
                if (at >= input.Length) return length;
                var second = input[at++];
                if (IsHex(first) && IsHex(second))
                {
                    output[length++] = (byte)(HexValue(first) << 4 | HexValue(second));
                }
                else if (!(first == '\r' && second == '\n'))
                {
                    output[length++] = (byte)'=';
                    output[length++] = first;
                    output[length++] = second;
                }
            }
            else if (first != '\n')
            {
                // "=" LF is a soft break; "=" before any other byte stays as it is.
                output[length++] = (byte)'=';
                output[length++] = first;
            }
            input = input[at..];
        }
    }

    private static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);

    private static int HexValue(byte digit) => digit <= '9' ? digit - '0' : (digit | 0x20) - 'a' + 10;
}
