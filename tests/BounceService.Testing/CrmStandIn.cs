using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BounceService.Testing;

/// <summary>A real HTTP listener on loopback standing in for a CRM: records every request, answers as told.</summary>
public sealed class CrmStandIn : IAsyncDisposable
{
    public sealed record Received(string Path, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset At);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Received> _received = new();

    /// <summary>Status code for each next request, in order; 200 once they are used up.</summary>
    public ConcurrentQueue<HttpStatusCode> Answers { get; } = new();

    /// <summary>Custom answers (headers, redirects, hangs) for the next requests, used before <see cref="Answers"/>.</summary>
    public ConcurrentQueue<Func<HttpContext, Task>> Responders { get; } = new();

    /// <summary>The answer once both queues are used up; null for 200.</summary>
    public Func<HttpContext, Task>? Fallback { get; set; }

    public IReadOnlyCollection<Received> Requests => _received.ToArray();

    public string Url { get; private set; } = "";

    private CrmStandIn()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
            _received.Enqueue(new Received(context.Request.Path, headers, body, DateTimeOffset.UtcNow));
            if (Responders.TryDequeue(out var responder)) await responder(context);
            else if (Answers.TryDequeue(out var code)) context.Response.StatusCode = (int)code;
            else if (Fallback is { } fallback) await fallback(context);
            else context.Response.StatusCode = StatusCodes.Status200OK;
        });
    }

    public static async Task<CrmStandIn> StartAsync(string path = "/hooks/bounces")
    {
        var crm = new CrmStandIn();
        await crm._app.StartAsync();
        var address = crm._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        crm.Url = address.TrimEnd('/') + path;
        return crm;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
