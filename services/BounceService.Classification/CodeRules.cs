namespace BounceService.Classification;

/// <summary>
/// The reason an enhanced status code names by itself: Sisimai's table (<c>SMTP/Status.pm</c>, BSD 2-Clause,
/// see NOTICE.md) with the readings design.md gives for 5.2.3, 5.7.7 and 5.7.25. Codes missing here (X.0.0,
/// 4.3.0, 4.7.0, ...) name no reason: the text decides.
/// </summary>
public static class CodeRules
{
    private static readonly Dictionary<string, string> ReasonByCode = new()
    {
        ["4.1.6"] = Reasons.HasMoved, ["4.1.7"] = Reasons.Rejected, ["4.1.8"] = Reasons.Rejected, ["4.1.9"] = Reasons.SystemError,
        ["4.2.1"] = Reasons.Suspend, ["4.2.2"] = Reasons.MailboxFull, ["4.2.3"] = Reasons.MesgTooBig, ["4.2.4"] = Reasons.Filtered,
        ["4.3.1"] = Reasons.SystemFull, ["4.3.2"] = Reasons.NotAccept, ["4.3.3"] = Reasons.SystemError, ["4.3.5"] = Reasons.SystemError,
        ["4.4.1"] = Reasons.Expired, ["4.4.2"] = Reasons.NetworkError, ["4.4.3"] = Reasons.SystemError, ["4.4.4"] = Reasons.NetworkError,
        ["4.4.5"] = Reasons.SystemFull, ["4.4.6"] = Reasons.NetworkError, ["4.4.7"] = Reasons.Expired, ["4.4.8"] = Reasons.NetworkError,
        ["4.5.3"] = Reasons.SystemError, ["4.5.5"] = Reasons.SystemError,
        ["4.6.0"] = Reasons.ContentError, ["4.6.2"] = Reasons.ContentError, ["4.6.5"] = Reasons.ContentError,
        ["4.7.1"] = Reasons.Blocked, ["4.7.2"] = Reasons.Blocked, ["4.7.5"] = Reasons.SecurityError, ["4.7.6"] = Reasons.SecurityError,
        ["4.7.7"] = Reasons.SecurityError, ["4.7.12"] = Reasons.SecurityError, ["4.7.15"] = Reasons.SecurityError,
        ["4.7.16"] = Reasons.MesgTooBig, ["4.7.24"] = Reasons.AuthFailure, ["4.7.25"] = Reasons.RequirePtr, ["4.7.26"] = Reasons.AuthFailure,

        ["5.1.0"] = Reasons.UserUnknown, ["5.1.1"] = Reasons.UserUnknown, ["5.1.2"] = Reasons.HostUnknown, ["5.1.3"] = Reasons.UserUnknown,
        ["5.1.4"] = Reasons.Filtered, ["5.1.6"] = Reasons.HasMoved, ["5.1.7"] = Reasons.Rejected, ["5.1.8"] = Reasons.Rejected,
        ["5.1.9"] = Reasons.SystemError, ["5.1.10"] = Reasons.NotAccept,
        ["5.2.0"] = Reasons.Filtered, ["5.2.1"] = Reasons.Filtered, ["5.2.2"] = Reasons.MailboxFull,
        ["5.2.3"] = Reasons.MesgTooBig, // design: message scope mesgtoobig (Sisimai: exceedlimit)
        ["5.2.4"] = Reasons.Filtered,
        ["5.3.0"] = Reasons.SystemError, ["5.3.1"] = Reasons.SystemFull, ["5.3.2"] = Reasons.NotAccept, ["5.3.3"] = Reasons.SystemError,
        ["5.3.4"] = Reasons.MesgTooBig, ["5.3.5"] = Reasons.SystemError,
        ["5.4.0"] = Reasons.NetworkError, ["5.4.3"] = Reasons.SystemError, ["5.4.4"] = Reasons.HostUnknown,
        ["5.4.7"] = Reasons.Expired, // "delivery time expired", as 4.4.7 (not in Sisimai's table)
        ["5.5.2"] = Reasons.SyntaxError, ["5.5.3"] = Reasons.TooManyConn, ["5.5.4"] = Reasons.SystemError, ["5.5.5"] = Reasons.SystemError,
        ["5.5.6"] = Reasons.SyntaxError,
        ["5.6.0"] = Reasons.ContentError, ["5.6.1"] = Reasons.ContentError, ["5.6.2"] = Reasons.ContentError, ["5.6.3"] = Reasons.ContentError,
        ["5.6.5"] = Reasons.ContentError, ["5.6.6"] = Reasons.ContentError, ["5.6.7"] = Reasons.ContentError, ["5.6.8"] = Reasons.ContentError,
        ["5.6.9"] = Reasons.ContentError,
        ["5.7.0"] = Reasons.SecurityError, ["5.7.1"] = Reasons.SecurityError, ["5.7.2"] = Reasons.SecurityError,
        ["5.7.3"] = Reasons.SecurityError, ["5.7.4"] = Reasons.SecurityError, ["5.7.5"] = Reasons.SecurityError,
        ["5.7.6"] = Reasons.SecurityError,
        ["5.7.7"] = Reasons.AuthFailure, // design: a DKIM failure (Sisimai: securityerror)
        ["5.7.8"] = Reasons.SecurityError, ["5.7.9"] = Reasons.SecurityError, ["5.7.10"] = Reasons.SecurityError,
        ["5.7.11"] = Reasons.SecurityError, ["5.7.13"] = Reasons.Suspend, ["5.7.14"] = Reasons.SecurityError,
        ["5.7.15"] = Reasons.SecurityError, ["5.7.16"] = Reasons.MesgTooBig, ["5.7.17"] = Reasons.HasMoved, ["5.7.18"] = Reasons.HasMoved,
        ["5.7.19"] = Reasons.SecurityError, ["5.7.20"] = Reasons.AuthFailure, ["5.7.21"] = Reasons.AuthFailure,
        ["5.7.22"] = Reasons.AuthFailure, ["5.7.23"] = Reasons.AuthFailure, ["5.7.24"] = Reasons.AuthFailure,
        ["5.7.25"] = Reasons.RequirePtr, // "Reverse DNS validation failed" (Sisimai: blocked)
        ["5.7.26"] = Reasons.AuthFailure, ["5.7.27"] = Reasons.NotAccept,
        ["5.7.28"] = Reasons.SpamDetected, // "part of a mail flood of similar abusive messages": the message, not the rate
        ["5.7.29"] = Reasons.AuthFailure, // ARC validation failed
        ["5.7.30"] = Reasons.SecurityError, // REQUIRETLS support required
    };

    /// <summary>The reason <paramref name="dsn"/> (normalised) names, or null when it names none.</summary>
    public static string? ReasonOf(string? dsn) => dsn is not null && ReasonByCode.TryGetValue(dsn, out var reason) ? reason : null;
}
