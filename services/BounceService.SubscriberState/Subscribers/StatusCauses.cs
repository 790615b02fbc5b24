namespace BounceService.SubscriberState.Subscribers;

public static class StatusCauses
{
    public const string HardBounce = "hard_bounce";
    public const string SoftToHard = "soft_to_hard";
    public const string Complaint = "complaint";
    public const string SpamTrap = "spam_trap";
    public const string Manual = "manual";
    public const string Reactivated = "reactivated";
}
