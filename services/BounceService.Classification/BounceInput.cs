namespace BounceService.Classification;

/// <summary>What a provider told us about one outcome for one recipient.</summary>
/// <param name="EventType"><c>bounce</c>, <c>complaint</c> or <c>delivered</c>.</param>
/// <param name="SmtpCode">Basic reply code if the provider gave one separately.</param>
/// <param name="DsnCode">Enhanced status code if the provider gave one separately (any spelling).</param>
/// <param name="Diagnostic">The receiving server's text, verbatim.</param>
/// <param name="ProviderLabel">The provider's own verdict: <c>Permanent</c>, <c>HardBounce</c>, ...</param>
/// <param name="SmtpCommand">The SMTP command the server refused (<c>RCPT</c>, <c>DATA</c>, <c>MAIL</c>), if known; else it is read from the text.</param>
/// <param name="Action">The RFC 3464 <c>Action</c> of a DSN (<c>failed</c>, <c>delayed</c>), if the outcome came as one.</param>
/// <param name="MtaReason">The reason the sending MTA's own bounce gives the server's reply, when the mail parser knows that MTA's wording.</param>
/// <param name="RemoteHost">The host that answered (a DSN's <c>Remote-MTA</c>), if known; else it is read from the text ("host mx.example.com[192.0.2.1] said:").</param>
/// <param name="Recipient">The recipient's address, if known: its domain may tell which provider answered (<see cref="ProviderHosts"/>).</param>
public sealed record BounceInput(
    string EventType,
    int? SmtpCode = null,
    string? DsnCode = null,
    string? Diagnostic = null,
    string? ProviderLabel = null,
    string? Action = null,
    string? SmtpCommand = null,
    string? MtaReason = null,
    string? RemoteHost = null,
    string? Recipient = null);
