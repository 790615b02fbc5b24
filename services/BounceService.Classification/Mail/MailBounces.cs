namespace BounceService.Classification.Mail;

/// <summary>Reads bounce, complaint and auto-reply e-mails into per-recipient verdicts.</summary>
public static class MailBounces
{
    /// <summary>Never throws on malformed input: what cannot be read is reported as format <c>none</c>.</summary>
    public static MailReport Read(ReadOnlyMemory<byte> rawMessage)
    {
        try
        {
            return MailReader.Read(MailLoader.Load(rawMessage));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return MailReport.None;
        }
    }
}
