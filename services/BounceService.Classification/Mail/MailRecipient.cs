namespace BounceService.Classification.Mail;

/// <summary>One recipient's outcome as the report states it, with the classifier's verdict.</summary>
/// <param name="EventType"><see cref="EventTypes.Bounce"/> or <see cref="EventTypes.Complaint"/>.</param>
/// <param name="Status">Normalised enhanced status code, if any.</param>
/// <param name="Action">The DSN <c>Action</c> field (<c>failed</c>, <c>delayed</c>), if any.</param>
/// <param name="FinalRecipient">The DSN's <c>Final-Recipient</c> when it differs from the address we sent to (forwarding, aliases).</param>
/// <param name="Hard">The address itself is permanently bad (Sisimai's sense: <see cref="Classification.AddressIsDead"/>).</param>
/// <param name="Label">The sending system's own category for the failure, when the report gives one (PowerMTA's
/// <c>X-PowerMTA-BounceCategory</c>, SES's <c>bounceType</c>).</param>
/// <param name="GaveUpRetrying">The sending MTA's own notice (Exim's) reports what it had kept retrying until it gave
/// up: without any code, Sisimai then calls an expiry or a full mailbox temporary (<see cref="PseudoStatus"/>).</param>
public sealed record MailRecipient(
    string Recipient,
    string EventType,
    string? Status,
    int? ReplyCode,
    string? Diagnostic,
    string? Action,
    Classification Verdict,
    bool Hard,
    string? FinalRecipient = null,
    string? Label = null,
    bool GaveUpRetrying = false)
{
    /// <summary>
    /// Stands for the complainer of a feedback report that names nobody (RFC 6590 redaction, or a returned message
    /// "To: undisclosed"): the report still counts, as in Sisimai, which writes this same address. Its domain is
    /// in the reserved <c>.invalid</c> top-level domain (RFC 6761), so it is never anyone's address, and Ingest
    /// records nothing for it.
    /// </summary>
    public const string Undisclosed = "undisclosed-recipient-in-headers@libsisimai.org.invalid";
}
