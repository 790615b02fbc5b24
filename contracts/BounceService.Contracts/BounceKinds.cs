namespace BounceService.Contracts;

/// <summary>Values of <see cref="BounceClassified.Kind"/>. Strings on the wire so that other languages can read them.</summary>
public static class BounceKinds
{
    /// <summary>Permanent failure (class 5).</summary>
    public const string Hard = "hard";
    /// <summary>Transient failure (class 4, mailbox full, delayed).</summary>
    public const string Soft = "soft";
    /// <summary>The recipient marked the message as spam (FBL, provider complaint).</summary>
    public const string Complaint = "complaint";
    /// <summary>A bounce whose cause could not be read.</summary>
    public const string Undetermined = "undetermined";
    /// <summary>Not a bounce: a successful delivery, ingested for rates and to reset soft streaks.</summary>
    public const string Delivered = "delivered";
}
