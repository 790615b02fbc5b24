using System.Net;
using System.Text;

namespace BounceService.Classification.Mail;

/// <summary>Some MTAs (Office 365, Gmail) write the notification only as HTML; its text is what counts.</summary>
/// <remarks>One pass over the markup, no pattern: a tag is skipped, a line-ending tag becomes a newline,
/// script and style contents are dropped, entities are decoded at the end.</remarks>
internal static class Html
{
    private static readonly string[] LineEndingTags = ["br", "/p", "/div", "/tr", "/li", "/h1", "/h2", "/h3", "/h4", "/h5", "/h6", "/table"];

    public static string ToText(string html)
    {
        var text = new StringBuilder(html.Length / 2);
        for (var i = 0; i < html.Length;)
        {
            var open = html.IndexOf('<', i);
            if (open < 0)
            {
                text.Append(html, i, html.Length - i);
                break;
            }
            text.Append(html, i, open - i);
            var close = html.IndexOf('>', open + 1);
            if (close < 0)
            {
                text.Append(html, open, html.Length - open);
                break;
            }
            var tag = html.AsSpan(open + 1, close - open - 1);
            i = close + 1;
            if (IsElement(tag, "script") || IsElement(tag, "style"))
            {
                var end = html.IndexOf("</" + Name(tag), i, StringComparison.OrdinalIgnoreCase);
                i = end < 0 ? html.Length : end;
                continue;
            }
            text.Append(EndsLine(tag) ? '\n' : ' ');
        }
        return WebUtility.HtmlDecode(text.ToString());
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

    private static string Name(ReadOnlySpan<char> tag) => tag.StartsWith("script", StringComparison.OrdinalIgnoreCase) ? "script" : "style";
}
