using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace BounceService.Ingest.Tests;

/// <summary>Posting to the generic endpoint and reading its answers.</summary>
public static class IngestRequests
{
    public const string Path = "/v1/ingest/generic";

    public static string NewRecipient() => $"t-{Guid.NewGuid():N}@example.com";

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string json) =>
        client.PostBytesAsync(Encoding.UTF8.GetBytes(json));

    public static Task<HttpResponseMessage> PostBytesAsync(this HttpClient client, byte[] body, bool sendLength = true)
    {
        HttpContent content = sendLength ? new ByteArrayContent(body) : new UnknownLengthContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return client.PostAsync(Path, content);
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>Asserts a problem-details answer with <paramref name="status"/> and returns its body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }

    /// <summary>The <c>errors</c> extension as (pointer, detail) pairs, each detail present.</summary>
    public static IReadOnlyList<(string Pointer, string Detail)> Errors(this JsonElement problem)
    {
        var errors = problem.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("pointer").GetString()!, e.GetProperty("detail").GetString()!)).ToList();
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Item2)));
        return errors;
    }

    /// <summary>A body sent without Content-Length (chunked), so the service must count while reading.</summary>
    private sealed class UnknownLengthContent(byte[] body) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var offset = 0; offset < body.Length; offset += 8192)
                await stream.WriteAsync(body.AsMemory(offset, Math.Min(8192, body.Length - offset)));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
