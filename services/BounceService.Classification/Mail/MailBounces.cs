namespace BounceService.Classification.Mail;

/// <summary>Reads bounce, complaint and auto-reply e-mails into per-recipient verdicts.</summary>
public static class MailBounces
{
    /// <summary>Never throws on malformed input: what cannot be read is reported as format <c>none</c>.</summary>
    public static MailReport Read(ReadOnlyMemory<byte> rawMessage)
    {
        try
        {
            return MailLoader.Load(rawMessage) is { } message ? MailReader.Read(message) : MailReport.None;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return MailReport.None;
        }
    }
}
