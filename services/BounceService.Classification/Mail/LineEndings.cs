namespace BounceService.Classification.Mail;

/// <summary>
/// Old Mac mail ends lines with a bare CR, which MIME parsers read as one endless line; such CRs become LF.
/// CRLF and LF pass through untouched.
/// </summary>
internal static class LineEndings
{
    public static bool HasBareCr(ReadOnlySpan<byte> raw)
    {
        for (var i = raw.IndexOf((byte)'\r'); i >= 0; i = Next(raw, i))
        {
            if (i + 1 == raw.Length || raw[i + 1] != '\n') return true;
        }
        return false;
    }

    public static byte[] Normalise(ReadOnlySpan<byte> raw)
    {
        var copy = raw.ToArray();
        // Old Mac mail has no CRLF at all: then every CR is bare, and one vectorised pass replaces them all.
        if (raw.IndexOf("\r\n"u8) < 0)
        {
            copy.AsSpan().Replace((byte)'\r', (byte)'\n');
            return copy;
        }
        for (var i = 0; i < copy.Length; i++)
        {
            if (copy[i] == '\r' && (i + 1 == copy.Length || copy[i + 1] != '\n')) copy[i] = (byte)'\n';
        }
        return copy;
    }

    private static int Next(ReadOnlySpan<byte> raw, int at)
    {
        var next = raw[(at + 1)..].IndexOf((byte)'\r');
        return next < 0 ? -1 : at + 1 + next;
    }
}
