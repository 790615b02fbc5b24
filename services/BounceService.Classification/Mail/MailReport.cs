namespace BounceService.Classification.Mail;

/// <summary>What one e-mail says about delivery: which recipients bounced or complained, and what was sent.</summary>
/// <param name="Format"><c>dsn</c>, <c>arf</c>, <c>autoreply</c>, <c>mta-text</c>, <c>ses-json</c> or <c>none</c>.</param>
/// <param name="Recipients">One entry per bounced or complaining recipient; empty when it is no bounce.</param>
/// <param name="Original">The returned message's identity, when the report carried it.</param>
public sealed record MailReport(string Format, IReadOnlyList<MailRecipient> Recipients, OriginalMessage? Original)
{
    public bool IsBounce => Recipients.Count > 0;

    internal static readonly MailReport None = new(MailFormats.None, [], null);
}
