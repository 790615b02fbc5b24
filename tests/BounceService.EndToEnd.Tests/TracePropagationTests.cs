using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using BounceService.Testing;

namespace BounceService.EndToEnd.Tests;

/// <summary>
/// One trace from the ESP's POST to the CRM's webhook: ASP.NET Core continues the caller's W3C context, MassTransit
/// carries it in the message headers across both bus hops, and HttpClient sends it on to the CRM.
/// </summary>
public sealed class TracePropagationTests(PipelineFixture pipeline) : IClassFixture<PipelineFixture>, IDisposable
{
    private static readonly ActivitySource Source = new("BounceService.EndToEnd.Tests");
    private readonly ConcurrentQueue<Activity> _activities = new();
    private readonly ActivityListener _listener = new()
    {
        ShouldListenTo = s => s.Name is "BounceService.EndToEnd.Tests" or "MassTransit" or "Npgsql" or "System.Net.Http"
            or "Microsoft.AspNetCore",
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    private IEnumerable<Activity> InTrace(ActivityTraceId trace, string source) =>
        _activities.Where(a => a.TraceId == trace && a.Source.Name == source);

    [Fact]
    public async Task Webhook_to_the_crm_carries_the_trace_id_of_the_ingest_request()
    {
        _listener.ActivityStopped = _activities.Enqueue;
        ActivitySource.AddActivityListener(_listener);
        var email = $"trace-{Guid.NewGuid():N}@example.com";
        var ingest = pipeline.Ingest.CreateClient();

        ActivityTraceId trace;
        using (var esp = Source.StartActivity("esp posts a bounce", ActivityKind.Client)!)
        {
            trace = esp.TraceId;
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/ingest/generic")
            {
                Content = JsonContent.Create(new { type = "bounce", recipient = email, list_uid = "list-trace", dsn_code = "5.1.1", smtp_code = 550 }),
            };
            // The test server's client has no HttpClient diagnostics handler, so the caller's context is set by hand.
            request.Headers.Add("traceparent", esp.Id);
            var response = await ingest.SendAsync(request);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var webhook = await Eventually.GetAsync(
            () => Task.FromResult(pipeline.Crm.Requests.FirstOrDefault(r => r.Body.Contains(email, StringComparison.Ordinal))),
            r => r is not null);
        var post = await Eventually.GetAsync(
            () => Task.FromResult(InTrace(trace, "System.Net.Http").FirstOrDefault(a => a.DisplayName.StartsWith("POST", StringComparison.Ordinal))),
            a => a is not null);

        Assert.Equal(trace.ToHexString(), webhook!.Headers["traceparent"].Split('-')[1]);
        Assert.Equal(trace, post!.TraceId);
        // The hops between: the ingest request, both publishes and both consumes, and the state service's queries.
        Assert.Contains(InTrace(trace, "Microsoft.AspNetCore"), a => a.Kind == ActivityKind.Server);
        Assert.True(InTrace(trace, "MassTransit").Count(a => a.Kind == ActivityKind.Producer) >= 2);
        Assert.True(InTrace(trace, "MassTransit").Count(a => a.Kind == ActivityKind.Consumer) >= 2);
        Assert.NotEmpty(InTrace(trace, "Npgsql"));
        // Spans are exported as they are: no tag of the run may carry the broker's or the database's credentials.
        var tags = _activities.Where(a => a.TraceId == trace).SelectMany(a => a.TagObjects).Select(t => $"{t.Key}={t.Value}").ToList();
        Assert.DoesNotContain(tags, t => t.Contains("Password", StringComparison.OrdinalIgnoreCase) || t.Contains(":app@", StringComparison.Ordinal));
    }

    public void Dispose() => _listener.Dispose();
}
