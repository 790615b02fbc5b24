using System.Security.Cryptography;
using System.Text;
using BounceService.Classification;
using BounceService.Contracts;
using BounceService.Ingest.Providers;

namespace BounceService.Ingest.Publishing;

public static class BounceMessages
{
    /// <summary>Classifies an inbound event and gives it a stable id.</summary>
    public static BounceClassified Create(InboundEvent e, DateTimeOffset now)
    {
        var verdict = e.Verdict ?? Classifier.Classify(new BounceInput(e.EventType, e.SmtpCode, e.DsnCode, e.Diagnostic, e.ProviderLabel, RemoteHost: e.RemoteHost, Recipient: e.Recipient));
        return new BounceClassified(
            e.EventId ?? DerivedId(e, now),
            e.Provider,
            e.EventType,
            e.Recipient,
            e.ListUid,
            e.CampaignUid,
            e.SendingServer,
            verdict.Kind,
            verdict.Dsn,
            verdict.SmtpCode,
            verdict.Reason,
            verdict.Scope,
            e.Diagnostic,
            e.ProviderLabel,
            verdict.LabelDisagreement,
            e.OccurredAt ?? now);
    }

    /// <summary>
    /// An id from the event's content, so that a provider re-posting the same event produces the same id.
    /// Without a time the day stands in, so that the same bounce on another day still counts again.
    /// </summary>
    public static string DerivedId(InboundEvent e, DateTimeOffset now)
    {
        var when = e.OccurredAt?.ToUniversalTime().ToString("O") ?? now.UtcDateTime.ToString("yyyy-MM-dd");
        var key = string.Join('\u001f', e.Provider, e.MessageId, e.EventType, e.Recipient, e.ListUid, e.CampaignUid,
            e.SendingServer, e.SmtpCode, e.DsnCode, e.Diagnostic, e.ProviderLabel, when);
        return $"{e.Provider}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32]}";
    }
}
