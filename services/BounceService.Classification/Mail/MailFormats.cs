namespace BounceService.Classification.Mail;

/// <summary>Values of <see cref="MailReport.Format"/>.</summary>
public static class MailFormats
{
    public const string Dsn = "dsn";
    public const string Arf = "arf";
    public const string AutoReply = "autoreply";
    public const string MtaText = "mta-text";
    public const string SesJson = "ses-json";
    public const string None = "none";
}
