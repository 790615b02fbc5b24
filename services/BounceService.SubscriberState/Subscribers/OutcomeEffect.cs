using BounceService.Contracts;

namespace BounceService.SubscriberState.Subscribers;

/// <summary>What one classified outcome does to a subscriber (design.md section 3), decided without I/O.</summary>
/// <param name="NewStatus">The status to move to, or null to leave it.</param>
/// <param name="Cause">Recorded with the change and on the suppression.</param>
/// <param name="Suppress">Whether the address goes on the address-level suppression list.</param>
/// <param name="Streak">How the soft-bounce streak changes.</param>
/// <param name="SenderSideProblem">A hard refusal that is our fault: worth an alert, never a flip.</param>
public sealed record OutcomeEffect(string? NewStatus, string? Cause, bool Suppress, StreakChange Streak, bool SenderSideProblem)
{
    private static readonly OutcomeEffect Nothing = new(null, null, false, StreakChange.Keep, false);

    public static OutcomeEffect Of(BounceClassified e) => e.Kind switch
    {
        BounceKinds.Complaint => new(SubscriberStatuses.Unsubscribed, StatusCauses.Complaint, true, StreakChange.Keep, false),
        BounceKinds.Delivered => Nothing with { Streak = StreakChange.Reset },
        BounceKinds.Soft => Nothing with { Streak = e.Scope == BounceScopes.Recipient ? StreakChange.Increment : StreakChange.Keep },
        BounceKinds.Hard when e.Scope != BounceScopes.Recipient => Nothing with { SenderSideProblem = e.Scope == BounceScopes.Sender },
        BounceKinds.Hard when e.Reason == "spamtrap" => new(SubscriberStatuses.Unsubscribed, StatusCauses.SpamTrap, true, StreakChange.Keep, false),
        BounceKinds.Hard => new(SubscriberStatuses.Bounced, StatusCauses.HardBounce, true, StreakChange.Keep, false),
        _ => Nothing,
    };

    /// <summary>
    /// Whether a subscriber may move from <paramref name="from"/> to <paramref name="to"/>. Unsubscribed outranks
    /// bounced, so concurrent events end in the same status whatever order they are applied in.
    /// </summary>
    public static bool CanMove(string from, string to) => from != to && Rank(to) > Rank(from);

    private static int Rank(string status) => status switch
    {
        SubscriberStatuses.Unsubscribed => 2,
        SubscriberStatuses.Bounced => 1,
        _ => 0,
    };
}

public enum StreakChange { Keep, Increment, Reset }
