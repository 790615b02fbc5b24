namespace BounceService.Contracts;

/// <summary>
/// A signal from the bounce guide's symptom table was raised. Published by SubscriberState once per raise: not again
/// while the condition persists, again only after it cleared. The webhook service delivers it as <c>alert.raised</c>.
/// </summary>
/// <param name="Key">Stable key of the alert, <c>rule:scope:subject</c> (e.g. <c>userunknown_spike:campaign:c-42</c>).</param>
/// <param name="Rule"><c>userunknown_spike</c>, <c>auth_failure</c>, <c>reputation</c>, <c>greylisting</c>, <c>message_too_large</c> or <c>domain_block</c>.</param>
/// <param name="Scope"><c>campaign</c> or <c>domain</c>.</param>
/// <param name="Subject">The campaign uid or the recipient's registrable domain.</param>
/// <param name="Count">Evidence: outcomes matching the rule (e.g. 5.1.1 bounces).</param>
/// <param name="Total">Evidence: what they are a share of (sends, or bounces for <c>auth_failure</c>).</param>
/// <param name="Rate"><paramref name="Count"/> / <paramref name="Total"/>.</param>
/// <param name="Threshold">The configured share the rate crossed.</param>
/// <param name="Fix">The guide's suggested fix, in words.</param>
/// <param name="RaisedAt">When it was raised.</param>
public record AlertRaised(
    string Key,
    string Rule,
    string Scope,
    string Subject,
    long Count,
    long Total,
    double Rate,
    double Threshold,
    string Fix,
    DateTimeOffset RaisedAt);
