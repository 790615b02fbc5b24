using System.Text.Json;

namespace BounceService.Ingest.Providers.Ses;

/// <summary>Tells an SNS envelope from SNS raw message delivery (the SES JSON itself, unsigned).</summary>
public static class SesRequests
{
    public const string RawDeliveryHeader = "x-amz-sns-rawdelivery";
    public const string TopicArnHeader = "x-amz-sns-topic-arn";

    public static bool IsRawDelivery(ProviderRequest request, JsonElement root) =>
        string.Equals(request.Header(RawDeliveryHeader), "true", StringComparison.OrdinalIgnoreCase)
        || (root.ValueKind == JsonValueKind.Object && !root.TryGetProperty("Type", out _) && !root.TryGetProperty("Signature", out _));
}
