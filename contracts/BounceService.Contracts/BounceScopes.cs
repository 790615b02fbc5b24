namespace BounceService.Contracts;

/// <summary>Values of <see cref="BounceClassified.Scope"/>: whose fault the outcome is.</summary>
public static class BounceScopes
{
    /// <summary>The address itself is bad or unreachable.</summary>
    public const string Recipient = "recipient";
    /// <summary>This message was refused (size, content); the address is fine.</summary>
    public const string Message = "message";
    /// <summary>The sender's side is broken (SPF/DKIM/DMARC, blocklisted IP); never punish the subscriber.</summary>
    public const string Sender = "sender";
}
