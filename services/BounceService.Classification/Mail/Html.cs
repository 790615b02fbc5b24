using System.Buffers;
using System.Net;
using System.Text;

namespace BounceService.Classification.Mail;

/// <summary>Some MTAs (Office 365, Gmail) write the notification only as HTML; its text is what counts.</summary>
/// <remarks>One pass over the markup, no pattern: a tag is skipped, a line-ending tag becomes a newline,
/// script and style contents are dropped, entities are decoded at the end.</remarks>
internal static class Html
{
    private static readonly string[] LineEndingTags = ["br", "/p", "/div", "/tr", "/li", "/h1", "/h2", "/h3", "/h4", "/h5", "/h6", "/table"];

    /// <summary>The text of HTML still in bytes, read without making the markup a string (it is often mostly a style sheet).</summary>
    public static string ToText(ReadOnlySpan<byte> html, Encoding encoding)
    {
        var chars = ArrayPool<char>.Shared.Rent(encoding.GetMaxCharCount(html.Length));
        try
        {
            return ToText(chars.AsSpan(0, encoding.GetChars(html, chars)));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static string ToText(ReadOnlySpan<char> html)
    {
        // The text is never longer than the markup: it is written into one borrowed buffer and copied out once.
        var buffer = ArrayPool<char>.Shared.Rent(html.Length);
        try
        {
            var length = 0;
            for (var i = 0; i < html.Length;)
            {
                var open = html[i..].IndexOf('<');
                if (open < 0)
                {
                    Copy(html[i..], buffer, ref length);
                    break;
                }
                open += i;
                Copy(html[i..open], buffer, ref length);
                var close = html[(open + 1)..].IndexOf('>');
                if (close < 0)
                {
                    Copy(html[open..], buffer, ref length);
                    break;
                }
                close += open + 1;
                var tag = html[(open + 1)..close];
                i = close + 1;
                if (IsElement(tag, "script") || IsElement(tag, "style"))
                {
                    var end = html[i..].IndexOf(Name(tag), StringComparison.OrdinalIgnoreCase);
                    i = end < 0 ? html.Length : i + end;
                    continue;
                }
                buffer[length++] = EndsLine(tag) ? '\n' : ' ';
            }
            // Decodes the entities; a text without any is returned as it is.
            return WebUtility.HtmlDecode(new string(buffer, 0, length));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static void Copy(ReadOnlySpan<char> text, char[] buffer, ref int length)
    {
        text.CopyTo(buffer.AsSpan(length));
        length += text.Length;
    }

    private static bool EndsLine(ReadOnlySpan<char> tag)
    {
        foreach (var name in LineEndingTags)
        {
            if (IsElement(tag, name)) return true;
        }
        return false;
    }

    // Every tag is compared with a dozen names, and most differ in the first letter: for an ASCII letter that is
    // one comparison (the names are lower case), anything else is left to the full comparison.
    private static bool IsElement(ReadOnlySpan<char> tag, string name) =>
        !tag.IsEmpty && !(char.IsAscii(tag[0]) && (tag[0] | 0x20) != name[0])
        && tag.StartsWith(name, StringComparison.OrdinalIgnoreCase) && (tag.Length == name.Length || !char.IsAsciiLetterOrDigit(tag[name.Length]));

    // The closing tag that ends a script or style element.
    private static string Name(ReadOnlySpan<char> tag) => tag.StartsWith("script", StringComparison.OrdinalIgnoreCase) ? "</script" : "</style";
}
