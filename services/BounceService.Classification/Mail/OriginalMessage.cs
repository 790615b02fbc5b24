namespace BounceService.Classification.Mail;

/// <summary>The returned message's identity, to tie a bounce back to a campaign or list.</summary>
/// <param name="Headers">Its <c>X-</c> headers and <c>List-Id</c>, keyed case-insensitively.</param>
public sealed record OriginalMessage(string? MessageId, IReadOnlyDictionary<string, string> Headers);
