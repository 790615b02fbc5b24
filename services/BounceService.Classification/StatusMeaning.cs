namespace BounceService.Classification;

/// <summary>
/// What an enhanced status code means in the IANA registry: its class, its subject and, when the registry lists it,
/// its detail. A detail the registry does not list (<c>5.1.64</c>) leaves <see cref="Detail"/> null, and
/// <see cref="Description"/> and <see cref="Reference"/> are the subject's.
/// </summary>
/// <param name="Code">The code, normalised (<c>5.01.001</c> becomes <c>5.1.1</c>).</param>
/// <param name="Class">The class summary, e.g. <c>Permanent Failure</c>.</param>
/// <param name="Subject">The subject summary, e.g. <c>Addressing Status</c>.</param>
/// <param name="Detail">The detail's sample text, e.g. <c>Bad destination mailbox address</c>; null when not registered.</param>
/// <param name="Description">The registry's description of the detail, or of the subject when the detail is not registered.</param>
/// <param name="Reference">Where the detail (or subject) is defined, e.g. <c>RFC 3463</c>.</param>
/// <param name="DetailRegistered">Whether the registry lists the detail.</param>
public sealed record StatusMeaning(
    string Code, string Class, string Subject, string? Detail, string Description, string Reference, bool DetailRegistered)
{
    /// <summary>One line for a log: <c>Permanent Failure: Addressing Status: Bad destination mailbox address</c>.</summary>
    public string Summary => Detail is not null
        ? $"{Class}: {Subject}: {Detail}"
        : $"{Class}: {Subject} (detail {Code[(Code.LastIndexOf('.') + 1)..]} is not in the registry)";
}
