namespace BounceService.Classification;

/// <summary>What a provider can report about a message.</summary>
public static class EventTypes
{
    public const string Bounce = "bounce";
    public const string Complaint = "complaint";
    public const string Delivered = "delivered";

    public static readonly IReadOnlySet<string> All = new HashSet<string>([Bounce, Complaint, Delivered]);
}
