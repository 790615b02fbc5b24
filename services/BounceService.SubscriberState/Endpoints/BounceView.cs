using BounceService.Classification;
using BounceService.SubscriberState.Data;

namespace BounceService.SubscriberState.Endpoints;

/// <summary>A bounce log row as the API shows it: the receiving server's text verbatim, the code and what it means.</summary>
/// <param name="StatusMeaning">The IANA registry's meaning of <paramref name="DsnCode"/>, looked up when read (not stored).</param>
public sealed record BounceView(
    long Id, string EventId, string Email, string? ListUid, string? CampaignUid, string Provider, string Kind,
    string? DsnCode, int? SmtpCode, string Reason, string Scope, string? Diagnostic, string? ProviderLabel,
    string? LabelDisagreement, DateTimeOffset OccurredAt, DateTimeOffset ReceivedAt, StatusMeaning? StatusMeaning)
{
    public static BounceView From(BounceLogEntry b) => new(
        b.Id, b.EventId, b.Email, b.ListUid, b.CampaignUid, b.Provider, b.Kind, b.DsnCode, b.SmtpCode, b.Reason,
        b.Scope, b.Diagnostic, b.ProviderLabel, b.LabelDisagreement, b.OccurredAt, b.ReceivedAt,
        SmtpStatusCodes.Describe(b.DsnCode));
}
