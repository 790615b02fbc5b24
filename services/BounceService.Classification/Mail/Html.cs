using System.Buffers;
using System.Net;

namespace BounceService.Classification.Mail;

/// <summary>Some MTAs (Office 365, Gmail) write the notification only as HTML; its text is what counts.</summary>
/// <remarks>One pass over the markup, no pattern: a tag is skipped, a line-ending tag becomes a newline,
/// script and style contents are dropped, entities are decoded at the end.</remarks>
internal static class Html
{
    private static readonly string[] LineEndingTags = ["br", "/p", "/div", "/tr", "/li", "/h1", "/h2", "/h3", "/h4", "/h5", "/h6", "/table"];

    public static string ToText(string html)
    {
        // The text is never longer than the markup: it is written into one borrowed buffer and copied out once.
        var buffer = ArrayPool<char>.Shared.Rent(html.Length);
        try
        {
            var length = 0;
            for (var i = 0; i < html.Length;)
            {
                var open = html.IndexOf('<', i);
                if (open < 0)
                {
                    Copy(html.AsSpan(i), buffer, ref length);
                    break;
                }
                Copy(html.AsSpan(i, open - i), buffer, ref length);
                var close = html.IndexOf('>', open + 1);
                if (close < 0)
                {
                    Copy(html.AsSpan(open), buffer, ref length);
                    break;
                }
                var tag = html.AsSpan(open + 1, close - open - 1);
                i = close + 1;
                if (IsElement(tag, "script") || IsElement(tag, "style"))
                {
                    var end = html.AsSpan(i).IndexOf(Name(tag), StringComparison.OrdinalIgnoreCase);
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

    private static bool IsElement(ReadOnlySpan<char> tag, string name) =>
        tag.StartsWith(name, StringComparison.OrdinalIgnoreCase) && (tag.Length == name.Length || !char.IsAsciiLetterOrDigit(tag[name.Length]));

    // The closing tag that ends a script or style element.
    private static string Name(ReadOnlySpan<char> tag) => tag.StartsWith("script", StringComparison.OrdinalIgnoreCase) ? "</script" : "</style";
}
