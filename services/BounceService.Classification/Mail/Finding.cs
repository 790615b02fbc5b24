namespace BounceService.Classification.Mail;

/// <summary>What a report states about one recipient, before classification.</summary>
internal sealed record Finding(string Recipient, string? Status, string? Diagnostic, string? Action = null, int? ReplyCode = null, string? FinalRecipient = null, string? Command = null);
