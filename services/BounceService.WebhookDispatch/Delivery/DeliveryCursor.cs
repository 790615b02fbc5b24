using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace BounceService.WebhookDispatch.Delivery;

/// <summary>The opaque paging cursor of <c>GET /v1/webhook-deliveries</c>: the last row's created time and id, base64url.</summary>
public sealed record DeliveryCursor(DateTimeOffset CreatedAt, Guid Id)
{
    public override string ToString() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{Id:N}"));

    /// <returns>Null for anything this API did not hand out.</returns>
    public static DeliveryCursor? Parse(string cursor)
    {
        if (!Base64Url.IsValid(cursor)) return null;
        var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split(':');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks
            && Guid.TryParseExact(parts[1], "N", out var id)
                ? new DeliveryCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id)
                : null;
    }
}
