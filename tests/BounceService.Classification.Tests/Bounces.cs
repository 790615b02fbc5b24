namespace BounceService.Classification.Tests;

/// <summary>Shorthand for classifying a bounce event.</summary>
internal static class Bounces
{
    public static Classification Classify(
        string? diagnostic = null, int? smtp = null, string? dsn = null, string? label = null) =>
        Classifier.Classify(new BounceInput(EventTypes.Bounce, smtp, dsn, diagnostic, label));
}
