using System.Globalization;

namespace BounceService.SubscriberState.Domains;

/// <summary>
/// The registrable domain (public suffix plus one label) by the Public Suffix List algorithm
/// (https://publicsuffix.org/list/): the longest matching rule wins, <c>*</c> matches one label, an exception
/// rule (<c>!</c>) beats the wildcard, and an unlisted TLD is its own suffix. Rules are held in ASCII (punycode)
/// form, so Unicode and punycoded names match the same rules.
/// </summary>
public static class RegistrableDomain
{
    private const string Resource = "BounceService.SubscriberState.Domains.public_suffix_list.dat";
    private static readonly IdnMapping Idn = new();
    private static readonly Lazy<(HashSet<string> Rules, HashSet<string> Exceptions)> List = new(Load);

    /// <summary>The registrable domain of <paramref name="host"/> in the form it was given (Unicode or punycode), lower-cased; null when it has none.</summary>
    public static string? Of(string? host)
    {
        if (string.IsNullOrEmpty(host) || host.StartsWith('.')) return null;
        var lower = host.TrimEnd('.').ToLowerInvariant();
        var ascii = ToAscii(lower);
        if (ascii is null) return null;
        var count = LabelCount(ascii.Split('.'));
        if (count is null) return null;
        var labels = lower.Split('.');
        return string.Join('.', labels[^count.Value..]);
    }

    /// <summary>
    /// What bounce reports group by: the registrable domain of the address's domain in ASCII form, or the domain
    /// itself when it has none (an address at a bare suffix or a single label still counts somewhere).
    /// </summary>
    public static string? OfEmail(string email)
    {
        var at = email.LastIndexOf('@');
        if (at < 0 || at == email.Length - 1) return null;
        var ascii = ToAscii(email[(at + 1)..].TrimEnd('.').ToLowerInvariant());
        return ascii is null ? null : Of(ascii) ?? ascii;
    }

    /// <summary>How many labels the registrable domain of these ASCII labels has, or null when the name is itself a public suffix.</summary>
    private static int? LabelCount(string[] labels)
    {
        if (labels.Any(l => l.Length == 0)) return null;
        var (rules, exceptions) = List.Value;
        var n = labels.Length;
        int? suffix = null;
        for (var i = 0; i < n && suffix is null; i++)
        {
            var name = string.Join('.', labels[i..]);
            if (exceptions.Contains(name)) suffix = n - i - 1;
        }
        for (var i = 0; i < n && suffix is null; i++)
        {
            // Longest first: the first rule that matches prevails.
            if (rules.Contains(string.Join('.', labels[i..])) || (i + 1 < n && rules.Contains("*." + string.Join('.', labels[(i + 1)..]))))
                suffix = n - i;
        }
        var labelsOfSuffix = suffix ?? 1;
        return n > labelsOfSuffix ? labelsOfSuffix + 1 : null;
    }

    private static string? ToAscii(string name)
    {
        try
        {
            return Idn.GetAscii(name).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static (HashSet<string>, HashSet<string>) Load()
    {
        using var stream = typeof(RegistrableDomain).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"Embedded resource {Resource} is missing.");
        using var reader = new StreamReader(stream);
        var (rules, exceptions) = (new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
        while (reader.ReadLine() is { } line)
        {
            var rule = line.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            if (rule is null || rule.StartsWith("//", StringComparison.Ordinal)) continue;
            if (rule.StartsWith('!')) exceptions.Add(RuleToAscii(rule[1..]));
            else rules.Add(RuleToAscii(rule));
        }
        return (rules, exceptions);
    }

    private static string RuleToAscii(string rule) =>
        string.Join('.', rule.Split('.').Select(label => label == "*" ? label : ToAscii(label) ?? label));
}
