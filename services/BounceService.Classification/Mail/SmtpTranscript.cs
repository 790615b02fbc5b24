namespace BounceService.Classification.Mail;

/// <summary>
/// Postfix's "Transcript of session follows" report (to the postmaster, about a session it refused): the
/// client's commands as <c>In:</c> lines and the server's replies as <c>Out:</c> lines. The recipients are
/// the <c>RCPT TO</c> addresses; the first refusal after them (a 4xx or 5xx reply) is why they failed.
/// </summary>
internal static class SmtpTranscript
{
    private const int MaxLines = 2000;

    public static List<Finding> Read(string text)
    {
        if (!text.Contains("In:", StringComparison.Ordinal) || !text.Contains("Out:", StringComparison.Ordinal)) return [];
        var recipients = new List<string>();
        string? command = null;
        foreach (var raw in text.Split('\n', MaxLines))
        {
            var line = raw.Trim();
            if (line.StartsWith("In:", StringComparison.Ordinal))
            {
                var sent = line[3..].TrimStart();
                command = sent.Split(' ', 2)[0].ToUpperInvariant();
                if (command == SmtpCommands.Rcpt && Addresses.First(sent) is { } address) recipients.Add(address);
            }
            else if (line.StartsWith("Out:", StringComparison.Ordinal) && recipients.Count > 0 && IsRefusal(line.AsSpan(4).TrimStart()))
            {
                var reply = line[4..].Trim();
                // Refused at RCPT: that recipient; refused later (DATA): every recipient it had accepted.
                var failed = command == SmtpCommands.Rcpt ? [recipients[^1]] : recipients;
                return failed.Select(r => new Finding(r, null, reply, Command: command)).ToList();
            }
        }
        return [];
    }

    private static bool IsRefusal(ReadOnlySpan<char> reply) =>
        reply.Length >= 3 && reply[0] is '4' or '5' && char.IsAsciiDigit(reply[1]) && char.IsAsciiDigit(reply[2]);
}
