using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BounceService.Testing;
using BounceService.WebhookDispatch.Data;
using Microsoft.Extensions.DependencyInjection;

namespace BounceService.WebhookDispatch.Tests;

[Collection(DispatchServiceCollection.Name)]
public sealed class DeliveryPagingTests(DispatchServiceFixture fixture)
{
    /// <summary>Stored deliveries of one endpoint, already succeeded (the worker leaves them alone), all created at <paramref name="at"/>.</summary>
    private async Task<List<Guid>> InsertAsync(Guid endpointId, int count, DateTimeOffset at)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebhookDbContext>();
        var rows = Enumerable.Range(0, count).Select(_ => new WebhookDelivery
        {
            Id = Guid.NewGuid(), EndpointId = endpointId, MessageId = $"msg_{Guid.NewGuid():N}", EventType = "subscriber.bounced",
            Payload = "{}", Status = DeliveryStatuses.Succeeded, NextAttemptAt = at, CreatedAt = at,
        }).ToList();
        db.Deliveries.AddRange(rows);
        await db.SaveChangesAsync();
        return rows.Select(r => r.Id).ToList();
    }

    private async Task<(List<(Guid Id, DateTimeOffset CreatedAt)> Items, string? Next)> PageAsync(Guid endpointId, int limit, string? cursor)
    {
        var page = await fixture.Client.GetFromJsonAsync<JsonElement>(
            $"/v1/webhook-deliveries?endpoint_id={endpointId}&limit={limit}" + (cursor is null ? "" : $"&cursor={cursor}"));
        var items = page.GetProperty("items").EnumerateArray()
            .Select(d => (d.GetProperty("id").GetGuid(), d.GetProperty("created_at").GetDateTimeOffset())).ToList();
        return (items, page.GetProperty("next_cursor").GetString());
    }

    [Fact]
    public async Task Pages_list_every_delivery_once_newest_first_while_new_ones_arrive()
    {
        await using var crm = await CrmStandIn.StartAsync();
        var endpoint = await fixture.RegisterAsync(crm, SubscriberStatusChangedConsumerTests.NewList());
        // Rows sharing a created time, so that the id has to break the ties across page boundaries.
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        var existing = new List<Guid>();
        for (var i = 0; i < 6; i++) existing.AddRange(await InsertAsync(endpoint.Id, 5, start.AddSeconds(i)));

        using var stop = new CancellationTokenSource();
        var inserting = Task.Run(async () =>
        {
            var added = 0;
            while (!stop.IsCancellationRequested)
                added += (await InsertAsync(endpoint.Id, 2, DateTimeOffset.UtcNow)).Count;
            return added;
        });
        var seen = new List<(Guid Id, DateTimeOffset CreatedAt)>();
        string? cursor = null;
        var pages = 0;
        do
        {
            (var items, cursor) = await PageAsync(endpoint.Id, 4, cursor);
            seen.AddRange(items);
            pages++;
        }
        while (cursor is not null && pages < 100);
        stop.Cancel();
        var addedMeanwhile = await inserting;

        Assert.InRange(addedMeanwhile, 1, int.MaxValue);
        Assert.Equal(seen.Count, seen.Select(s => s.Id).Distinct().Count()); // no duplicates
        Assert.Empty(existing.Except(seen.Select(s => s.Id))); // no gaps
        Assert.Equal(seen.Select(s => s.CreatedAt).OrderDescending(), seen.Select(s => s.CreatedAt));
        Assert.True(pages >= existing.Count / 4, $"{pages} pages");
    }

    [Fact]
    public async Task A_cursor_this_api_did_not_make_is_400()
    {
        var response = await fixture.Client.GetAsync("/v1/webhook-deliveries?cursor=not-a-cursor");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
