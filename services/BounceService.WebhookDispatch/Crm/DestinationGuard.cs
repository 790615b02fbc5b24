using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace BounceService.WebhookDispatch.Crm;

/// <summary>
/// Keeps webhooks away from this network (SSRF): no loopback, private, link-local, multicast or cloud-metadata
/// destination unless an operator allow-listed it (<c>Webhooks:AllowedHosts</c>: host names or CIDR ranges).
/// Checked when a connection is made, on the address actually connected to, so DNS rebinding gains nothing.
/// </summary>
public sealed class DestinationGuard(IOptions<WebhooksOptions> options)
{
    // Ranges that are not the public internet (RFC 6890 and friends); IPv4-mapped IPv6 is checked as IPv4.
    private static readonly IPNetwork[] NonPublic =
    [
        .. new[]
        {
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
            "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
            "224.0.0.0/4", "240.0.0.0/4", "::/128", "::1/128", "64:ff9b:1::/48", "100::/64", "2001:db8::/32", "fc00::/7",
            "fe80::/10", "ff00::/8",
        }.Select(IPNetwork.Parse),
    ];

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return !NonPublic.Any(n => n.Contains(address));
    }

    /// <summary>Whether a webhook may connect to <paramref name="address"/> on behalf of <paramref name="host"/>.</summary>
    public bool IsAllowed(string host, IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        foreach (var entry in options.Value.AllowedHosts)
        {
            if (IPNetwork.TryParse(entry, out var network) ? network.Contains(address)
                : IPAddress.TryParse(entry, out var single) ? single.Equals(address)
                : string.Equals(entry.TrimEnd('.'), host.TrimEnd('.'), StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return IsPublic(address);
    }

    /// <summary>Why <paramref name="url"/> may not be a webhook endpoint, or null: https, or http where allowed.</summary>
    public string? ProblemWith(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return $"'{url}' is not an absolute http(s) URL.";
        if (uri.Scheme == "http" && !options.Value.AllowHttp && !options.Value.AllowedHosts.Any(h => IsListed(h, uri.Host)))
            return $"'{uri.GetLeftPart(UriPartial.Authority)}' must use https (http only for Webhooks:AllowedHosts or with Webhooks:AllowHttp).";
        return null;
    }

    /// <summary>The <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves, drops refused addresses, connects to the rest.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = addresses.Where(a => IsAllowed(host, a)).ToArray();
        if (allowed.Length == 0)
            throw new HttpRequestException($"Webhook destination '{host}' refused: it resolves only to non-public addresses.");

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static bool IsListed(string entry, string host) =>
        string.Equals(entry.TrimEnd('.'), host.Trim('[', ']').TrimEnd('.'), StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPNetwork.TryParse(entry, out var network) && network.Contains(ip));
}
