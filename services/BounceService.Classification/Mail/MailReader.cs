using System.Buffers;
using System.Text.RegularExpressions;
using MimeKit;

namespace BounceService.Classification.Mail;

/// <summary>
/// Decides what a message is by its structure, most reliable first: an ARF report, an RFC 3464 report
/// (as a part, or pasted as text), an MTA's own text, an auto-reply, or nothing.
/// </summary>
internal static partial class MailReader
{
    private const int MaxCollapsed = 2000;

    // Words over one header: linear, so no timeout.
    [GeneratedRegex(@"complaint|abuse\s+report|spam\s+report|feedback\s+report", RegexOptions.IgnoreCase)]
    private static partial Regex ComplaintSubject();

    // Exim's own notice (deliver.c): its first words (or its report of a frozen message), and its marker before the
    // returned copy if it returns one. Exim bounces a full mailbox or an unreachable host only after retrying it, so without any code
    // Sisimai's Exim module calls those failures temporary. Its kin reuse the first words but are not read so:
    // Mail.ru after a preamble of its own, MXLogic with its own marker ("Included is a copy of the message header:").
    private const string EximNotice = "This message was created automatically by mail delivery software.";
    private const string EximCopyMarker = "------ This is a copy of the message";

    private static bool IsEximNotice(string text, ReadOnlyMemory<char> copy)
    {
        var start = text.AsSpan().TrimStart();
        var firstLine = start[..Math.Max(start.IndexOf('\n'), 0)];
        return (start.StartsWith(EximNotice, StringComparison.Ordinal) || firstLine.StartsWith("Message ") && firstLine.Contains(" frozen", StringComparison.Ordinal))
            && (copy.IsEmpty || copy.Span.TrimStart().StartsWith(EximCopyMarker, StringComparison.Ordinal));
    }

    public static MailReport Read(MailEntity message) => Read(message, wrapped: false);

    private static MailReport Read(MailEntity message, bool wrapped)
    {
        var headers = message.Headers;
        var parts = MailParts.Of(message);
        // A filter or a forwarder that wraps the whole report in its own notice: the report is the attachment.
        // A digest of several attached reports is none of them (Sisimai reads the outer message only).
        if (!wrapped && parts.DeliveryStatus.Count == 0 && parts.FeedbackReports.Count == 0 && parts.AttachedMessages == 1
            && parts.ReturnedPart is { } inner && inner.Type.IsMimeType("multipart", "report"))
            return Read(inner, wrapped: true);
        var whole = string.Join('\n', parts.Texts);
        var (text, copy) = Notification.Split(whole);
        var original = OriginalHeaders.Recover(parts, copy);

        if (parts.FeedbackReports.Count > 0)
            return Report(MailFormats.Arf, FeedbackReport.Read(parts.FeedbackReports[0], parts.Returned), EventTypes.Complaint, original);

        if (FeedbackReport.Unsubscribe(headers) is { } unsubscribe)
            return Report(MailFormats.Arf, unsubscribe, EventTypes.Complaint, original);

        if (FeedbackReport.Unwrapped(headers) is { } jmrp)
            return Report(MailFormats.Arf, jmrp, EventTypes.Complaint, original);

        if (SesNotification.Read(whole) is var (sesEvent, sesFindings))
            return sesEvent is null ? new(MailFormats.None, [], original) : Report(MailFormats.SesJson, sesFindings, sesEvent, original);

        var dsn = parts.DeliveryStatus.SelectMany(DeliveryStatusReport.Read).ToList();
        // A report pasted as text (forwarded as plain text, or behind a mangled boundary) may come after the
        // pasted report's own headers, which look like the start of the returned copy.
        if (dsn.Count == 0 && whole.Contains("Final-Recipient:", StringComparison.OrdinalIgnoreCase))
            dsn = DeliveryStatusReport.Read(text.Contains("Final-Recipient:", StringComparison.OrdinalIgnoreCase) ? text : whole);
        var fromText = SmtpTranscript.Read(text) is { Count: > 0 } session ? session
            : ListManagerNotice.Read(headers, text) is { Count: > 0 } refusal ? refusal
            : ScreenNameNotice.Read(headers, text) is { Count: > 0 } named ? named
            : MtaText.Read(text, new OwnAddresses(headers, parts.Returned), copy);
        if (dsn.Count > 0)
            return Report(MailFormats.Dsn, MtaVerdicts.Apply(WithCommands(WithTextDiagnostics(dsn, fromText, text), fromText, text), text, headers), EventTypes.Bounce, original);

        var isBounce = BounceSignals.Any(headers, message.Type);
        if (!isBounce && AutoReply.Is(headers)) return new(MailFormats.AutoReply, [], original);
        if (!isBounce && parts.Returned is not null && parts.AttachedMessages == 1 && IsComplaint(headers))
        {
            var complainer = FeedbackReport.ReturnedRecipient(parts.Returned);
            return Report(MailFormats.Arf, complainer is null ? [] : [new(complainer, null, null)], EventTypes.Complaint, original);
        }
        if (!isBounce) return new(MailFormats.None, [], original);

        // A copy its sender addressed to himself (the others in Bcc) says nothing of whom it failed for: the report
        // reached that address. (The copy's From alone proves nothing: a test message may come "from" its recipient.)
        if (fromText.Count == 0 && (ReturnedRecipient(parts) ?? PastedRecipient(copy)) is { } addressee
            && !addressee.Equals(Addresses.First(headers[HeaderId.To]), StringComparison.OrdinalIgnoreCase))
            fromText = [new(addressee, null, null)];
        var failed = headers["X-Failed-Recipients"];
        if (failed is not null)
            fromText = FailedRecipients(failed, fromText, text);
        fromText = WithVerdictAbove(fromText, text);
        if (fromText.Count == 1 && !TextSaysWhy(fromText[0].Diagnostic))
            fromText = [fromText[0] with { Diagnostic = Collapse(fromText[0].Diagnostic + " " + text) }];
        else if (fromText.Count > 1 && !fromText.Exists(f => TextSaysWhy(f.Diagnostic)) && WithListedReplies(fromText, text) is { } replied)
            fromText = replied;
        // Gmail and Biglobe list the failed addresses, then explain once under the list: Sisimai gives the
        // explanation to the last address only, as it reads, and the list's heading ("Delivery to the following
        // recipients failed permanently:") to the first.
        else if (fromText.Count > 1 && !TextSaysWhy(fromText[^1].Diagnostic) && TextAfter(text, fromText[^1].Recipient) is { } after)
            fromText = [WithHeading(fromText[0], text), .. fromText[1..^1], fromText[^1] with { Diagnostic = Collapse(fromText[^1].Diagnostic + " " + after) }];
        // Exchange and Office 365 explain in words next to the address and give the server's code further
        // down ("Remote Server returned '550 5.1.10 ...'"). Words that quote the server's reply already
        // (Sendmail's "(reason: 553 ...)") keep it: a coded line below may be the MTA's own ("550 5.1.1 a@b... User unknown").
        else if (fromText.Count == 1 && SmtpStatusCodes.FindEnhanced(fromText[0].Diagnostic) is null && SmtpStatusCodes.FindReply(fromText[0].Diagnostic) is null
            && LineWithCode(text) is { } coded)
            fromText = [fromText[0] with { Diagnostic = fromText[0].Diagnostic + " " + coded }];
        if (IsEximNotice(text, copy))
            fromText = fromText.Select(f => f with { GaveUpRetrying = true }).ToList();
        return Report(MailFormats.MtaText, MtaVerdicts.Apply(WithCommands(fromText, fromText, text), text, headers), EventTypes.Bounce, original);
    }

    // The refused command is rarely in a Diagnostic-Code; the MTA's text says it near the recipient
    // ("(in reply to end of DATA command)"), or anywhere in the text when there is one recipient.
    private static List<Finding> WithCommands(List<Finding> findings, List<Finding> fromText, string text) =>
        findings.Select(f => f with
        {
            Command = f.Command
                ?? SmtpCommands.Find(f.Diagnostic)
                ?? SmtpCommands.Find(TextOf(f, fromText))
                ?? (findings.Count == 1 ? SmtpCommands.Find(text) : null),
        }).ToList();

    // The MTA text's own words about the finding's recipient; null when they are the finding's diagnostic itself
    // (the findings are the text's), already searched.
    private static string? TextOf(Finding finding, List<Finding> fromText) =>
        fromText.Find(t => t.Names(finding.Recipient))?.Diagnostic is { } own
        && !ReferenceEquals(own, finding.Diagnostic) ? own : null;

    // One entry per recipient, the first that names it: a report may list an address several times (a Sendmail that
    // expanded a list into the same mailbox repeats its DSN fields), and each entry becomes an event downstream.
    private static MailReport Report(string format, List<Finding> findings, string eventType, OriginalMessage? original) =>
        new(format, findings.Where(f => !DeliveryStatusReport.IsSuccess(f)).DistinctBy(f => f.Recipient, StringComparer.OrdinalIgnoreCase)
            .Select(f => Verdicts.Of(f, eventType)).ToList(), original);

    // A DSN without a Diagnostic-Code still has the MTA's text about that recipient. Exim's text holds the
    // Diagnostic-Code and says where the server refused ("SMTP error from remote mail server after initial
    // connection: 554 ..."), so it is kept instead, behind the code's type, as Sisimai's Exim module does.
    private static List<Finding> WithTextDiagnostics(List<Finding> dsn, List<Finding> fromText, string text) =>
        dsn.Select(f =>
        {
            var own = fromText.Find(t => t.Names(f.Recipient) || f.FinalRecipient is { } final && t.Names(final))?.Diagnostic;
            if (string.IsNullOrWhiteSpace(f.Diagnostic) || IsBareReplyCode(f.Diagnostic))
                return f with { Diagnostic = own ?? (dsn.Count == 1 ? Collapse(text) : f.Diagnostic) };
            return own is not null && Widens(own, f.Diagnostic, out var type) ? f with { Diagnostic = type + Collapse(own) } : f;
        }).ToList();

    // Google Workspace may give only the reply code ("Diagnostic-Code: smtp; 550") and the reply itself in its text,
    // which Sisimai's GSuite module then reads instead.
    private static bool IsBareReplyCode(string diagnostic)
    {
        var code = diagnostic.AsSpan(diagnostic.IndexOf(';') + 1).Trim();
        return code.Length == 3 && char.IsAsciiDigit(code[0]) && char.IsAsciiDigit(code[1]) && char.IsAsciiDigit(code[2]);
    }

    private static readonly string[] RefusalStages = ["SMTP error from remote mail", "LMTP error after "];

    private static bool Widens(string own, string diagnostic, out string type)
    {
        var semicolon = diagnostic.IndexOf(';');
        var typed = semicolon is > 0 and < 16 && !diagnostic.AsSpan(0, semicolon).ContainsAny(" \t");
        type = typed ? diagnostic[..(semicolon + 1)] + " " : "";
        // A stage's first word ("SMTP") is in the text as it is, whatever the spacing: without it, nothing to collapse.
        if (!Array.Exists(RefusalStages, stage => own.AsSpan().Contains(stage.AsSpan(0, stage.IndexOf(' ')), StringComparison.OrdinalIgnoreCase))) return false;
        var wider = Collapse(own);
        if (!Array.Exists(RefusalStages, stage => wider.Contains(stage, StringComparison.OrdinalIgnoreCase))) return false;
        var reply = Collapse(typed ? diagnostic[(semicolon + 1)..] : diagnostic);
        return reply.Length > 0 && wider.Length > reply.Length && wider.Contains(reply, StringComparison.OrdinalIgnoreCase);
    }

    // Exim names a failed pipe or file there ("|/usr/bin/procmail"), not an address: then the text's recipients stand.
    // An address found only in the returned copy (Google Groups' notice names none) gets the notice's text too;
    // one the notice lists without words of its own (Gmail) is left to the rules for lists below.
    private static List<Finding> FailedRecipients(string header, List<Finding> fromText, string text)
    {
        var failed = header.Split(',').Select(Addresses.First).OfType<string>()
            .Select(a => fromText.Find(t => t.Names(a)) is { } known
                ? string.IsNullOrWhiteSpace(known.Diagnostic) && !text.Contains(a, StringComparison.OrdinalIgnoreCase) ? known with { Diagnostic = Collapse(text) } : known
                : new Finding(a, null, Collapse(text)))
            .ToList();
        return failed.Count > 0 ? failed : fromText;
    }

    // au (EZweb) states its verdict above the addresses ("The user(s) account is disabled." then "<a@b>: 550 user
    // unknown"): the sending MTA's own words, which decide before the server's reply (MtaPhrases).
    private static List<Finding> WithVerdictAbove(List<Finding> findings, string text)
    {
        if (findings.Count == 0) return findings;
        var first = text.IndexOf(findings[0].Recipient, StringComparison.OrdinalIgnoreCase);
        if (first <= 0) return findings;
        var above = text[..first];
        if (MtaPhrases.ReasonOf(TextRules.Prepare(above)) is null) return findings;
        var verdict = Collapse(above);
        return findings.Select(f => f with { Diagnostic = verdict + " " + f.Diagnostic }).ToList();
    }

    // Some list the recipients apart from the replies: a reply that names each recipient is its own (X3's
    // "SMTP:RCPT host ...: 550 5.1.1 <a@b>..."); one reply above the list failed them all (MailMarshal's
    // "Could not be delivered because of / 550 5.1.1 ... / The following recipients were affected:"). Null when
    // neither holds (Gmail's one explanation under the list: see the rule after this one).
    private static List<Finding>? WithListedReplies(List<Finding> findings, string text)
    {
        if (LineWithCode(text) is not { } shared) return null;
        var own = findings.ConvertAll(f => LineWithCode(text, f.Recipient));
        if (own.Contains(null) && !IsAbove(text, shared, findings[0].Recipient)) return null;
        return findings.Select((f, i) => f with { Diagnostic = (f.Diagnostic + " " + (own[i] ?? shared)).Trim() }).ToList();
    }

    private static bool IsAbove(string text, string line, string recipient)
    {
        var at = text.IndexOf(line, StringComparison.Ordinal);
        return at >= 0 && at < text.IndexOf(recipient, StringComparison.OrdinalIgnoreCase);
    }

    // The sentence that heads a list of addresses (the last line above the first one, ending with a colon), as
    // the text of a first address that has none of its own.
    private static Finding WithHeading(Finding first, string text)
    {
        if (!string.IsNullOrWhiteSpace(first.Diagnostic)) return first;
        var at = text.IndexOf(first.Recipient, StringComparison.OrdinalIgnoreCase);
        var above = text.AsSpan(0, Math.Max(at, 0)).TrimEnd();
        var heading = above[(above.LastIndexOf('\n') + 1)..].Trim();
        return heading.EndsWith(':') ? first with { Diagnostic = heading.ToString() } : first;
    }

    private static string? TextAfter(string text, string recipient)
    {
        var at = text.IndexOf(recipient, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? null : text[(at + recipient.Length)..];
    }

    // The last resort: the returned message says where it was going. A list's post is addressed to the list (its
    // own List-Post or Mailman's X-BeenThere), not to the member it failed for: that To names nobody who bounced.
    private static string? ReturnedRecipient(MailParts parts)
    {
        if (parts.Returned is not { } returned) return null;
        if (Addresses.First(returned["X-Envelope-To"]) is { } envelope) return envelope;
        var to = Addresses.First(returned[HeaderId.To]);
        return to is not null && IsListAddress(returned, to) ? null : to;
    }

    private static bool IsListAddress(MailHeaders returned, string address) =>
        address.Equals(Addresses.First(returned["List-Post"]), StringComparison.OrdinalIgnoreCase)
        || address.Equals(Addresses.First(returned["X-BeenThere"]), StringComparison.OrdinalIgnoreCase);

    // Or the copy pasted under the text ("Original Message: From: ... To: ...") does.
    private static string? PastedRecipient(ReadOnlyMemory<char> copy) =>
        copy.IsEmpty ? null : Addresses.First(FieldBlocks.Parse(copy).Select(b => b.Get("To")).FirstOrDefault(to => to is not null));

    // The first line with a server reply and its enhanced code, else the first line with an enhanced code; only
    // lines that name <paramref name="address"/> when one is given.
    private static string? LineWithCode(string text, string? address = null)
    {
        string? enhancedOnly = null;
        foreach (var line in text.Split('\n', 400))
        {
            if (address is not null && !line.Contains(address, StringComparison.OrdinalIgnoreCase)) continue;
            if (SmtpStatusCodes.FindEnhanced(line) is null) continue;
            if (SmtpStatusCodes.FindReply(line) is not null) return line.Trim();
            enhancedOnly ??= line.Trim();
        }
        return enhancedOnly;
    }

    internal static bool TextSaysWhy(string? diagnostic) =>
        SmtpStatusCodes.FindEnhanced(diagnostic) is not null || SmtpStatusCodes.FindReply(diagnostic) is not null || TextRules.Match(diagnostic) is not null;

    // A filter that wraps a whole report: the returned message is itself a multipart/report.
    private static bool IsComplaint(MailHeaders headers) => ComplaintSubject().IsMatch(headers[HeaderId.Subject] ?? "");

    // The text's words one space apart, at most MaxCollapsed characters: written in one pass into a borrowed buffer
    // (a stackalloc would be zeroed first on every call), with no array of words.
    private static string Collapse(string text)
    {
        var collapsed = ArrayPool<char>.Shared.Rent(MaxCollapsed);
        try
        {
            var length = 0;
            var gap = false;
            foreach (var c in text)
            {
                if (c is '\n' or '\r' or '\t' or ' ')
                {
                    gap = length > 0;
                    continue;
                }
                if (gap && length < MaxCollapsed) collapsed[length++] = ' ';
                if (length == MaxCollapsed) break;
                collapsed[length++] = c;
                gap = false;
            }
            return new string(collapsed, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(collapsed);
        }
    }
}
