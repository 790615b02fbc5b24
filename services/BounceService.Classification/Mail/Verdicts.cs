
namespace BounceService.Classification.Mail;

/// <summary>Turns what a report states into a classified recipient.</summary>
internal static class Verdicts
{
    public static MailRecipient Of(Finding finding, string eventType)
    {
        var verdict = Classifier.Classify(new BounceInput(
            eventType, finding.ReplyCode, finding.Status, finding.Diagnostic, ProviderLabel: finding.Label, Action: finding.Action, SmtpCommand: finding.Command, MtaReason: finding.MtaReason, RemoteHost: finding.RemoteHost, Recipient: finding.Recipient));
        var hard = verdict.AddressIsDead; // Sisimai's "hard": the address itself is dead
        return new(finding.Recipient, eventType, verdict.Dsn, verdict.SmtpCode, finding.Diagnostic, finding.Action, verdict, hard, finding.FinalRecipient, finding.Label, finding.GaveUpRetrying);
    }
}
