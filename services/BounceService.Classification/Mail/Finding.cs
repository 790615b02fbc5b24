namespace BounceService.Classification.Mail;

/// <summary>What a report states about one recipient, before classification.</summary>
/// <param name="Label">The sending system's own category for the failure (PowerMTA's <c>bad-mailbox</c>, SES's <c>Permanent</c>).</param>
/// <param name="MtaReason">The reason the sending MTA's own report gives the server's reply (<see cref="MtaVerdicts"/>).</param>
/// <param name="RemoteHost">The host that answered, from a DSN's <c>Remote-MTA</c> field.</param>
/// <param name="GaveUpRetrying">The sending MTA's notice reports a failure it had been retrying (<see cref="MailRecipient.GaveUpRetrying"/>).</param>
internal sealed record Finding(string Recipient, string? Status, string? Diagnostic, string? Action = null, int? ReplyCode = null, string? FinalRecipient = null, string? Command = null, string? Label = null, string? MtaReason = null, bool GaveUpRetrying = false, string? RemoteHost = null)
{
    /// <summary>Whether this is about <paramref name="address"/>: the address sent to, or the one an alias of it became.</summary>
    public bool Names(string address) =>
        Recipient.Equals(address, StringComparison.OrdinalIgnoreCase) || FinalRecipient?.Equals(address, StringComparison.OrdinalIgnoreCase) == true;
}
