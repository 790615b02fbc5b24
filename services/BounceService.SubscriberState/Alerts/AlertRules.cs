using BounceService.Contracts;
using BounceService.SubscriberState.Campaigns;

namespace BounceService.SubscriberState.Alerts;

/// <summary>One rule judged on its evidence: <see cref="Holds"/> decides whether the alert is (still) raised.</summary>
public sealed record AlertCheck(string Rule, string Scope, string Subject, long Count, long Total, double Threshold, bool Inclusive, bool Enough, string Fix)
{
    public string Key => $"{Rule}:{Scope}:{Subject}";
    public double Rate => Total > 0 ? (double)Count / Total : 0;
    public bool Holds => Enough && Total > 0 && (Inclusive ? Rate >= Threshold : Rate > Threshold);
}

/// <summary>The guide's symptom table as pure functions of the counts.</summary>
public static class AlertRules
{
    public const string UserUnknownSpike = "userunknown_spike";
    public const string AuthFailure = "auth_failure";
    public const string Reputation = "reputation";
    public const string Greylisting = "greylisting";
    public const string DomainBlock = "domain_block";
    public const string MessageTooLarge = "message_too_large";
    public const string CampaignScope = "campaign";
    public const string DomainScope = "domain";

    private static readonly HashSet<string> CountedCodes = ["5.1.1", "5.7.1", "4.7.1", "4.7.0"];

    /// <summary>5.2.3 is RFC 3463's "message length exceeds administrative limit"; the guide writes 5.2.5.</summary>
    private static readonly HashSet<string> TooLargeCodes = ["5.2.3", "5.2.5", "5.3.4"];

    /// <summary>Whether a bounce with this code or reason can raise an alert (the numerator of some rule).</summary>
    public static bool Counts(string? dsnCode, string reason) =>
        IsTooLarge(dsnCode, reason) || (dsnCode is not null && (CountedCodes.Contains(dsnCode) || IsPolicyBlock(dsnCode)));

    public static bool IsTooLarge(string? dsnCode, string reason) =>
        reason == "mesgtoobig" || (dsnCode is not null && TooLargeCodes.Contains(dsnCode));

    public static bool IsPolicyBlock(string? dsnCode) => dsnCode?.StartsWith("5.7.", StringComparison.Ordinal) == true;

    public static IReadOnlyList<AlertCheck> ForCampaign(CampaignStats s, AlertOptions o)
    {
        var enough = s.Sends >= o.MinSends;
        return
        [
            new(UserUnknownSpike, CampaignScope, s.CampaignUid, s.WithCode("5.1.1"), s.Sends, o.UserUnknownShare, false, enough,
                "Bad import source (purchased list?): pause; run email verification on the full list; re-import only verified addresses."),
            new(AuthFailure, CampaignScope, s.CampaignUid, s.WithCode("5.7.1"), s.Bounces, o.AuthFailureShare, false, enough,
                "DKIM signing (or SPF) broken: open the sending server's detail and verify the DKIM record at the DNS host."),
            new(Reputation, CampaignScope, s.CampaignUid, s.WithCode("4.7.1"), s.Sends, o.ReputationShare, false, enough,
                "4.7.1 \"try again later\" spiking: may be a reputation hit; watch the rate and slow down the sending."),
            new(Greylisting, CampaignScope, s.CampaignUid, s.WithCode("4.7.0"), s.Sends, o.GreylistShare, true, enough,
                "Many receivers greylisting: wait; soft-bounce retries resend later and it usually resolves itself."),
            new(MessageTooLarge, CampaignScope, s.CampaignUid, s.Groups.Where(g => g.Kind != BounceKinds.Delivered && IsTooLarge(g.DsnCode, g.Reason)).Sum(g => g.Count), s.Sends, o.TooLargeShare, false, enough,
                "Email body or attachment too big: reduce inline images; host them externally."),
        ];
    }

    /// <summary>5.7.x to one recipient domain, among that domain's sends (deliveries and bounces) in the window.</summary>
    public static AlertCheck ForDomain(string domain, IEnumerable<(string Kind, string? DsnCode, long Count)> groups, AlertOptions o)
    {
        var list = groups.ToList();
        var blocked = list.Where(g => g.Kind != BounceKinds.Delivered && IsPolicyBlock(g.DsnCode)).Sum(g => g.Count);
        var sends = list.Where(g => g.Kind is BounceKinds.Delivered or BounceKinds.Hard or BounceKinds.Soft or BounceKinds.Undetermined).Sum(g => g.Count);
        return new(DomainBlock, DomainScope, domain, blocked, sends, o.DomainBlockShare, false, blocked >= o.DomainBlockMinimum,
            "That receiver is blocking you: investigate this domain's bounces; possibly suppress it until reputation recovers.");
    }
}
