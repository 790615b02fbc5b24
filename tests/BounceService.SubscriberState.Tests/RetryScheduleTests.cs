using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BounceService.Contracts;
using BounceService.SubscriberState.Data;
using BounceService.SubscriberState.Subscribers;
using BounceService.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BounceService.SubscriberState.Tests;

[Collection(StateServiceCollection.Name)]
public sealed class RetryScheduleTests(StateServiceFixture fixture) : StateTestBase(fixture)
{
    private readonly HttpClient _client = fixture.Factory.CreateClient();

    private static string NewServer() => $"srv-{Guid.NewGuid():N}";

    private Task<HttpResponseMessage> PutPolicyAsync(string server, object body) =>
        _client.PutAsJsonAsync($"/v1/sending-servers/{server}", body);

    private static BounceClassified Soft(string email, string list, string server, DateTimeOffset at) =>
        Events.Make(email, list, "bounce", BounceKinds.Soft, "4.2.2", "mailboxfull", BounceScopes.Recipient, at, server: server);

    private Task<List<ScheduledRetry>> RetriesAsync(string email) =>
        QueryAsync(db => db.ScheduledRetries.AsNoTracking().Where(r => r.Email == email).OrderBy(r => r.Attempt).ToListAsync());

    [Fact]
    public async Task Server_never_configured_uses_the_default_policy()
    {
        var policy = await _client.GetFromJsonAsync<JsonElement>($"/v1/sending-servers/{NewServer()}");

        Assert.Equal("default", policy.GetProperty("retry_policy").GetString());
        Assert.Equal(["01:00:00", "06:00:00", "1.00:00:00"], policy.GetProperty("delays").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public async Task Custom_and_named_policies_are_stored_and_read_back()
    {
        var server = NewServer();

        Assert.Equal(HttpStatusCode.OK, (await PutPolicyAsync(server, new { retry_policy = "custom", delays = new[] { "00:00:01", "00:30:00" } })).StatusCode);
        var custom = await _client.GetFromJsonAsync<JsonElement>($"/v1/sending-servers/{server}");
        Assert.Equal(HttpStatusCode.OK, (await PutPolicyAsync(server, new { retry_policy = "aggressive" })).StatusCode);
        var aggressive = await _client.GetFromJsonAsync<JsonElement>($"/v1/sending-servers/{server}");

        Assert.Equal(["00:00:01", "00:30:00"], custom.GetProperty("delays").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("aggressive", aggressive.GetProperty("retry_policy").GetString());
        Assert.Equal(5, aggressive.GetProperty("delays").GetArrayLength());
    }

    public static TheoryData<string> InvalidPolicies => new()
    {
        """{"retry_policy":"sometimes"}""",
        """{"retry_policy":"custom"}""",
        """{"retry_policy":"custom","delays":["00:00:00.500"]}""",
        """{"retry_policy":"custom","delays":["soon"]}""",
        """{"retry_policy":"default","delays":["01:00:00"]}""",
    };

    [Theory]
    [MemberData(nameof(InvalidPolicies))]
    public async Task Invalid_policy_is_400_and_changes_nothing(string body)
    {
        var server = NewServer();
        var response = await _client.PutAsync($"/v1/sending-servers/{server}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("default", (await _client.GetFromJsonAsync<JsonElement>($"/v1/sending-servers/{server}")).GetProperty("retry_policy").GetString());
    }

    /// <summary>The service's time now, to the second (PostgreSQL keeps microseconds).</summary>
    private DateTimeOffset Now() => new(Fixture.Clock.GetUtcNow().UtcTicks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);

    [Fact]
    public async Task Each_soft_bounce_schedules_the_next_delay_and_the_one_after_the_last_turns_hard()
    {
        var (email, list, server) = (Events.NewEmail(), Events.NewList(), NewServer());
        await PutPolicyAsync(server, new { retry_policy = "custom", delays = new[] { "02:00:00", "05:00:00" } });
        var start = Now();

        // Each retry's bounce comes back when it was due: the delays count from the bounce, not from its arrival.
        await ConsumeInOrderAsync(Soft(email, list, server, start), Soft(email, list, server, start.AddHours(2)));
        var scheduled = await RetriesAsync(email);
        await ConsumeInOrderAsync(Soft(email, list, server, start.AddHours(7)));

        Assert.Equal([(1, start.AddHours(2)), (2, start.AddHours(7))], scheduled.Select(r => (r.Attempt, r.DueAt)));
        var subscriber = await SubscriberAsync(list, email);
        Assert.Equal((SubscriberStatuses.Bounced, StatusCauses.SoftToHard), (subscriber?.Status, subscriber?.StatusCause));
        Assert.DoesNotContain(await RetriesAsync(email), r => r.AnnouncedAt is null);
    }

    [Fact]
    public async Task Delivery_cancels_the_pending_retry()
    {
        var (email, list) = (Events.NewEmail(), Events.NewList());
        await ConsumeInOrderAsync(Soft(email, list, NewServer(), Now()));
        var before = await RetriesAsync(email);

        await ConsumeInOrderAsync(Events.Delivered(email, list));

        Assert.Single(before);
        Assert.Empty(await RetriesAsync(email));
    }

    [Fact]
    public async Task Retry_is_announced_once_when_the_clock_reaches_its_due_time()
    {
        var (email, list, server) = (Events.NewEmail(), Events.NewList(), NewServer());
        await PutPolicyAsync(server, new { retry_policy = "custom", delays = new[] { "01:00:00" } });
        var due = Now().AddHours(1);
        await ConsumeInOrderAsync(Soft(email, list, server, due.AddHours(-1)));
        var announcer = Fixture.Factory.Services.GetRequiredService<RetryAnnouncer>();
        List<DeliveryRetryDue> Announced() => Fixture.Recorder.Published<DeliveryRetryDue>().Where(r => r.Email == email).ToList();
        try
        {
            Fixture.Clock.MoveTo(due.AddSeconds(-10)); // a margin for a slow machine between the move and the read
            await announcer.AnnounceDueAsync(CancellationToken.None);
            Assert.Empty(Announced());

            Fixture.Clock.MoveTo(due);
            var announced = await Eventually.GetAsync(() => Task.FromResult(Announced()), r => r.Count > 0);
            await announcer.AnnounceDueAsync(CancellationToken.None);
            await Task.Delay(TimeSpan.FromSeconds(1)); // several polls of the background announcer: a second announcement would show

            var retry = Assert.Single(Announced());
            Assert.Equal((list, server, 1, due), (retry.ListUid, retry.SendingServer, retry.Attempt, retry.DueAt));
            Assert.Equal(announced[0].RetryId, retry.RetryId);
        }
        finally
        {
            Fixture.Clock.Ahead = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task Competing_announcers_announce_each_due_retry_exactly_once()
    {
        var email = Events.NewEmail();
        var due = Fixture.Clock.GetUtcNow().AddMinutes(-5);
        await QueryAsync(async db =>
        {
            db.ScheduledRetries.AddRange(Enumerable.Range(0, 60).Select(i => new ScheduledRetry
            {
                Id = Guid.NewGuid(), ListUid = $"list-{i}", Email = email, EventId = $"evt-{Guid.NewGuid():N}", Attempt = 1, DueAt = due,
            }));
            return await db.SaveChangesAsync();
        });

        // Four more "replicas" race the service's own background announcer.
        var announcer = Fixture.Factory.Services.GetRequiredService<RetryAnnouncer>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++) await announcer.AnnounceDueAsync(CancellationToken.None);
        })));
        await Eventually.GetAsync(() => RetriesAsync(email), r => r.All(x => x.AnnouncedAt is not null));

        var published = Fixture.Recorder.Published<DeliveryRetryDue>().Where(r => r.Email == email).ToList();
        Assert.Equal(60, published.Count);
        Assert.Equal(60, published.Select(r => r.RetryId).Distinct().Count());
    }

    [Fact]
    public async Task Spam_trap_hit_unsubscribes_and_flags_the_sending_server()
    {
        var (email, list, server) = (Events.NewEmail(), Events.NewList(), NewServer());

        await ConsumeInOrderAsync(Events.Make(email, list, "bounce", BounceKinds.Hard, "5.7.1", "spamtrap", BounceScopes.Recipient, server: server));
        var view = await _client.GetFromJsonAsync<JsonElement>($"/v1/sending-servers/{server}");

        var subscriber = await SubscriberAsync(list, email);
        Assert.Equal((SubscriberStatuses.Unsubscribed, StatusCauses.SpamTrap), (subscriber?.Status, subscriber?.StatusCause));
        Assert.Equal(StatusCauses.SpamTrap, (await SuppressionAsync(email))?.Cause);
        Assert.Equal(1, view.GetProperty("spam_trap_hits").GetInt32());
    }
}
