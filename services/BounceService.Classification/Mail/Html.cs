using System.Net;
using System.Text.RegularExpressions;

namespace BounceService.Classification.Mail;

/// <summary>Some MTAs (Office 365, Gmail) write the notification only as HTML; its text is what counts.</summary>
internal static partial class Html
{
    [GeneratedRegex(@"<(script|style)[^>]*>.*?</\1>|<br\s*/?>|</(p|div|tr|li|h\d)>|<[^>]{0,2000}>", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 200)]
    private static partial Regex Tags();

    public static string ToText(string html)
    {
        try
        {
            var text = Tags().Replace(html, m => m.Value.StartsWith("<br", StringComparison.OrdinalIgnoreCase) || m.Value.StartsWith("</", StringComparison.Ordinal) ? "\n" : " ");
            return WebUtility.HtmlDecode(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return "";
        }
    }
}
