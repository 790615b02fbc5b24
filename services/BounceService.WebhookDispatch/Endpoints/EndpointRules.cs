using System.Net;
using System.Net.Sockets;
using BounceService.WebhookDispatch.Crm;

namespace BounceService.WebhookDispatch.Endpoints;

/// <summary>What a registered endpoint must satisfy: an allowed URL whose every address is allowed, known event types.</summary>
public static class EndpointRules
{
    /// <summary>
    /// Why the URL may not be registered, or null. Every address the host resolves to must pass the SSRF guard (it
    /// runs again on the connected address at each delivery, against DNS rebinding).
    /// </summary>
    public static async Task<string?> UrlProblemAsync(DestinationGuard guard, string url, CancellationToken cancellationToken)
    {
        if (guard.ProblemWith(url) is { } problem) return problem;
        var host = new Uri(url).DnsSafeHost;
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        }
        catch (SocketException)
        {
            return $"'{host}' does not resolve.";
        }
        if (addresses.Length == 0) return $"'{host}' does not resolve.";
        return addresses.FirstOrDefault(a => !guard.IsAllowed(host, a)) is { } refused
            ? $"'{host}' resolves to {refused}, which is not a public address (loopback, private, link-local, multicast or metadata)."
            : null;
    }

    public static string? EventTypesProblem(string[]? eventTypes) =>
        eventTypes is not { Length: > 0 } || eventTypes.Any(t => !WebhookEvents.All.Contains(t))
            ? $"event_types must hold one or more of {string.Join(", ", WebhookEvents.All)}."
            : null;
}
