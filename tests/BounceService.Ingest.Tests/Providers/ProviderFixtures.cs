using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace BounceService.Ingest.Tests.Providers;

/// <summary>The samples in Fixtures/providers: exact bodies, their headers, and when they were signed.</summary>
public static class ProviderFixtures
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures", "providers");

    public static string ReadText(string relativePath) => File.ReadAllText(Path.Combine(Folder, relativePath));

    public static Sample Load(string folder, string name)
    {
        var body = File.ReadAllBytes(Path.Combine(Folder, folder, name + ".json"));
        var headersFile = Path.Combine(Folder, folder, name + ".headers.json");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (File.Exists(headersFile))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(headersFile));
            foreach (var header in document.RootElement.GetProperty("headers").EnumerateObject())
                headers[header.Name] = header.Value.GetString()!;
        }
        return new Sample(body, headers);
    }

    public sealed record Sample(byte[] Body, Dictionary<string, string> Headers)
    {
        /// <summary>The time the sample's signature claims (header, Mailgun block or SNS Timestamp), if it has one.</summary>
        public DateTimeOffset? SignedAt()
        {
            foreach (var name in new[] { "X-Twilio-Email-Event-Webhook-Timestamp", "svix-timestamp" })
                if (Headers.TryGetValue(name, out var seconds))
                    return DateTimeOffset.FromUnixTimeSeconds(long.Parse(seconds, CultureInfo.InvariantCulture));
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(Body);
            }
            catch (JsonException)
            {
                return null;
            }
            using var owned = document;
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            if (root.TryGetProperty("signature", out var block) && block.ValueKind == JsonValueKind.Object)
                return DateTimeOffset.FromUnixTimeSeconds(long.Parse(block.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture));
            if (root.TryGetProperty("Timestamp", out var timestamp) && root.TryGetProperty("SignatureVersion", out _))
                return DateTimeOffset.Parse(timestamp.GetString()!, CultureInfo.InvariantCulture);
            return null;
        }

        public Sample WithHeader(string name, string value) => this with { Headers = new(Headers, StringComparer.OrdinalIgnoreCase) { [name] = value } };

        public Sample WithoutHeader(string name)
        {
            var headers = new Dictionary<string, string>(Headers, StringComparer.OrdinalIgnoreCase);
            headers.Remove(name);
            return this with { Headers = headers };
        }

        public HttpRequestMessage Request(string provider)
        {
            var content = new ByteArrayContent(Body);
            var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/ingest/{provider}") { Content = content };
            foreach (var (name, value) in Headers)
            {
                if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                    content.Headers.ContentType = MediaTypeHeaderValue.Parse(value);
                else
                    request.Headers.TryAddWithoutValidation(name, value);
            }
            return request;
        }
    }
}
