using BounceService.Contracts;
using BounceService.SubscriberState.Campaigns;

namespace BounceService.SubscriberState.Alerts;

/// <summary>One rule judged on its evidence: <see cref="Holds"/> decides whether the alert is (still) raised.</summary>
/// <param name="Applies">Whether the rule may hold at all: enough sends, and any condition of its own beside the rate.</param>
public sealed record AlertCheck(string Rule, string Scope, string Subject, long Count, long Total, double Threshold, bool Inclusive, bool Applies, string Fix)
{
    public string Key => $"{Rule}:{Scope}:{Subject}";
    public double Rate => Total > 0 ? (double)Count / Total : 0;
    public bool Holds => Applies && Total > 0 && (Inclusive ? Rate >= Threshold : Rate > Threshold);
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
    public const string StaleList = "stale_list";
    public const string EngagedHardBounce = "engaged_hard_bounce";
    public const string CampaignScope = "campaign";
    public const string DomainScope = "domain";
    public const string ListScope = "list";
    public const string SubscriberScope = "subscriber";

    /// <summary>The days of the stale-list rule's window, today (UTC) included; it compares two such windows.</summary>
    public const int WeekDays = 7;

    private static readonly HashSet<string> CountedCodes = ["5.1.1", "5.7.1", "4.7.1", "4.7.0"];

    /// <summary>5.2.3 is RFC 3463's "message length exceeds administrative limit"; the guide writes 5.2.5.</summary>
    private static readonly HashSet<string> TooLargeCodes = ["5.2.3", "5.2.5", "5.3.4"];

    /// <summary>Whether a bounce with this code or reason can raise a campaign alert (the numerator of some campaign rule).</summary>
    public static bool Counts(string? dsnCode, string reason) =>
        IsTooLarge(dsnCode, reason) || (dsnCode is not null && (CountedCodes.Contains(dsnCode) || IsPolicyBlock(dsnCode)));

    public static bool IsTooLarge(string? dsnCode, string reason) =>
        reason == "mesgtoobig" || (dsnCode is not null && TooLargeCodes.Contains(dsnCode));

    public static bool IsPolicyBlock(string? dsnCode) => dsnCode?.StartsWith("5.7.", StringComparison.Ordinal) == true;

    /// <summary>4.2.2 is the guide's "mailbox full"; some receivers say 5.2.2 for the same thing (soft as well, see design).</summary>
    public static bool IsMailboxFull(string? dsnCode) => dsnCode is "4.2.2" or "5.2.2";

    private static bool IsSend(string kind) => kind is BounceKinds.Delivered or BounceKinds.Hard or BounceKinds.Soft or BounceKinds.Undetermined;

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
        var sends = list.Where(g => IsSend(g.Kind)).Sum(g => g.Count);
        return new(DomainBlock, DomainScope, domain, blocked, sends, o.DomainBlockShare, false, blocked >= o.DomainBlockMinimum,
            "That receiver is blocking you: investigate this domain's bounces; possibly suppress it until reputation recovers.");
    }

    /// <summary>
    /// The guide's "4.2.2 (mailbox full) creeping up": mailbox-full bounces above <see cref="AlertOptions.StaleListShare"/>
    /// of the list's sends in the last <see cref="WeekDays"/> days (by event day, UTC), and at least
    /// <see cref="AlertOptions.StaleListGrowth"/> times their share in the week before (a list without sends that week
    /// counts as rising from nothing). Week against week rather than day by day: a day's share is too noisy to trend.
    /// </summary>
    public static AlertCheck ForList(string listUid, DateOnly today, IEnumerable<(DateOnly Day, string Kind, string? DsnCode, long Count)> counts, AlertOptions o)
    {
        var weekStart = today.AddDays(1 - WeekDays);
        var rows = counts.ToList();
        (long Full, long Sends) Week(DateOnly from) => (
            rows.Where(c => c.Day >= from && c.Day < from.AddDays(WeekDays) && c.Kind != BounceKinds.Delivered && IsMailboxFull(c.DsnCode)).Sum(c => c.Count),
            rows.Where(c => c.Day >= from && c.Day < from.AddDays(WeekDays) && IsSend(c.Kind)).Sum(c => c.Count));
        var (full, sends) = Week(weekStart);
        var (previousFull, previousSends) = Week(weekStart.AddDays(-WeekDays));
        // full / sends >= growth * previousFull / previousSends, multiplied out: exact at the boundary, and true
        // when the week before had no sends.
        var rising = (double)full * previousSends >= o.StaleListGrowth * previousFull * sends;
        return new(StaleList, ListScope, listUid, full, sends, o.StaleListShare, false, sends >= o.MinSends && rising,
            "Stale list with abandoned addresses: after the retries fail the soft bounce converts to hard (the retry policy does it); clean the list periodically.");
    }

    /// <summary>
    /// The guide's "hard bounce on engaged subscriber": the address's recipient hard bounces within
    /// <see cref="AlertOptions.EngagedActivityWindow"/> either side of its latest CRM activity (<paramref name="outcomes"/>
    /// are its outcomes in that span), among its sends there; while one of its rows is still bounced by a hard bounce,
    /// since a re-activation means someone checked.
    /// </summary>
    public static AlertCheck ForSubscriber(string email, IEnumerable<(string Kind, string Scope, long Count)> outcomes, bool stillBounced)
    {
        var list = outcomes.ToList();
        var hard = list.Where(o => o.Kind == BounceKinds.Hard && o.Scope == BounceScopes.Recipient).Sum(o => o.Count);
        return new(EngagedHardBounce, SubscriberScope, email, hard, list.Where(o => IsSend(o.Kind)).Sum(o => o.Count), 0, false, stillBounced,
            "The address may be only temporarily off (DNS glitch, account locked): wait 24h; re-activate manually if they re-engage.");
    }
}
