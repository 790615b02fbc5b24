using System.Net;
using System.Text;
using BounceService.Contracts;

namespace BounceService.Ingest.Tests.Providers;

/// <summary>Assertions on what a provider callback was answered and what it published.</summary>
public static class Outcomes
{
    /// <summary>202, and exactly the expected outcomes published, in order.</summary>
    public static async Task AssertAcceptedAsync(
        HttpResponseMessage response, List<BounceClassified> published, string provider,
        params (string Recipient, string Kind, string? Dsn, int? Smtp)[] expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Expected 202, got {(int)response.StatusCode}: {body}");
        Assert.Equal(expected, published.Select(m => (m.Recipient, m.Kind, m.DsnCode, m.SmtpCode)).ToArray());
        Assert.All(published, m => Assert.Equal(provider, m.Provider));
        var answer = await response.ReadJsonAsync();
        Assert.Equal(expected.Length, answer.GetProperty("accepted").GetInt32());
        Assert.Equal(published.Select(m => m.EventId), answer.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("event_id").GetString()));
    }

    /// <summary>200 with nothing accepted and nothing published.</summary>
    public static async Task AssertNothingAsync(HttpResponseMessage response, List<BounceClassified> published)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {body}");
        Assert.Equal(0, (await response.ReadJsonAsync()).GetProperty("accepted").GetInt32());
        Assert.Empty(published);
    }

    /// <summary>401 problem details naming <paramref name="detail"/>, nothing published.</summary>
    public static async Task AssertRefusedAsync(HttpResponseMessage response, List<BounceClassified> published, string detail)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(published);
    }

    public static async Task<string> AssertInvalidAsync(HttpResponseMessage response, List<BounceClassified> published)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Empty(published);
        return problem.GetProperty("detail").GetString()!;
    }

    /// <summary>The body with its first <paramref name="from"/> replaced: a tampered copy.</summary>
    public static byte[] Replace(byte[] body, string from, string to)
    {
        var text = Encoding.UTF8.GetString(body);
        var index = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{from}' is not in the body");
        return Encoding.UTF8.GetBytes(text[..index] + to + text[(index + from.Length)..]);
    }
}
