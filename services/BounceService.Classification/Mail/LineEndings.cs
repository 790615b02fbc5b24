namespace BounceService.Classification.Mail;

/// <summary>
/// Old Mac mail ends lines with a bare CR, which MIME parsers read as one endless line; such CRs become LF.
/// CRLF and LF pass through untouched.
/// </summary>
internal static class LineEndings
{
    public static byte[] Normalise(ReadOnlySpan<byte> raw)
    {
        var copy = raw.ToArray();
        for (var i = 0; i < copy.Length; i++)
        {
            if (copy[i] == '\r' && (i + 1 == copy.Length || copy[i + 1] != '\n')) copy[i] = (byte)'\n';
        }
        return copy;
    }
}
