using System.Numerics;

namespace BounceService.Classification.Mail;

/// <summary>
/// Old Mac mail ends lines with a bare CR, which MIME parsers read as one endless line; such CRs become LF.
/// CRLF and LF pass through untouched.
/// </summary>
internal static class LineEndings
{
    /// <summary>Whether some CR is not followed by LF.</summary>
    /// <remarks>A block at a time, each CR against the byte after it: a CRLF message has a CR on every line,
    /// and a search from one CR to the next made a call per line.</remarks>
    public static bool HasBareCr(ReadOnlySpan<byte> raw)
    {
        var cr = new Vector<byte>((byte)'\r');
        var lf = new Vector<byte>((byte)'\n');
        var at = 0;
        for (; at + Vector<byte>.Count < raw.Length; at += Vector<byte>.Count)
        {
            var crs = Vector.Equals(new Vector<byte>(raw[at..]), cr);
            var lfsAfter = Vector.Equals(new Vector<byte>(raw[(at + 1)..]), lf);
            if (Vector.AndNot(crs, lfsAfter) != Vector<byte>.Zero) return true;
        }
        for (; at < raw.Length; at++)
        {
            if (raw[at] == '\r' && (at + 1 == raw.Length || raw[at + 1] != '\n')) return true;
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
}
