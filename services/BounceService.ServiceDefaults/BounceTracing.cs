using System.Diagnostics;

namespace BounceService.ServiceDefaults;

/// <summary>Spans of our own, for work that a library does not trace by itself (a stored webhook sent later).</summary>
public static class BounceTracing
{
    public const string SourceName = "BounceService";

    public static readonly ActivitySource Source = new(SourceName);
}
