using System.Net;
using System.Text.Json;
using BounceService.Contracts;
using BounceService.Testing;
using BounceService.WebhookDispatch.Crm;
using MassTransit.Testing;

namespace BounceService.WebhookDispatch.Tests;

[Collection(DispatchServiceCollection.Name)]
public sealed class SubscriberStatusChangedConsumerTests(DispatchServiceFixture fixture)
{
    private static string NewEmail() => $"w-{Guid.NewGuid():N}@example.com";

    private IReadOnlyList<CrmStandIn.Received> RequestsFor(string email) =>
        fixture.Crm.Requests.Where(r => r.Body.Contains(email, StringComparison.Ordinal)).ToList();

    private async Task PublishAsync(SubscriberStatusChanged change) =>
        await fixture.Factory.Services.GetTestHarness().Bus.Publish(change);

    [Fact]
    public async Task Bounced_flip_is_posted_once_signed_with_a_stable_id()
    {
        var change = WebhookPayloadTests.Change(NewEmail(), SubscriberStatuses.Bounced);

        await PublishAsync(change);
        await fixture.Recorder.WaitForConsumedAsync<SubscriberStatusChanged>(c => c.ChangeId == change.ChangeId, 1);

        var request = Assert.Single(RequestsFor(change.Email));
        var id = request.Headers["webhook-id"];
        Assert.Equal($"msg_{change.ChangeId:N}", id);
        var timestamp = long.Parse(request.Headers["webhook-timestamp"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(WebhookSigner.Sign(DispatchServiceFixture.Secret, id, timestamp, request.Body), request.Headers["webhook-signature"]);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("subscriber.bounced", body.RootElement.GetProperty("event").GetString());
        Assert.Equal(change.Email, body.RootElement.GetProperty("subscriber_email").GetString());
    }

    [Fact]
    public async Task Server_errors_are_retried_until_the_crm_accepts()
    {
        var change = WebhookPayloadTests.Change(NewEmail(), SubscriberStatuses.Bounced);
        fixture.Crm.Answers.Enqueue(HttpStatusCode.InternalServerError);
        fixture.Crm.Answers.Enqueue(HttpStatusCode.BadGateway);

        await PublishAsync(change);
        await fixture.Recorder.WaitForConsumedAsync<SubscriberStatusChanged>(c => c.ChangeId == change.ChangeId, 1);

        var attempts = RequestsFor(change.Email);
        Assert.Equal(3, attempts.Count);
        Assert.Single(attempts.Select(a => a.Headers["webhook-id"]).Distinct());
    }

    [Fact]
    public async Task Endpoint_failing_every_attempt_faults_the_message_for_the_error_queue()
    {
        var change = WebhookPayloadTests.Change(NewEmail(), SubscriberStatuses.Bounced);
        for (var i = 0; i < 3; i++) fixture.Crm.Answers.Enqueue(HttpStatusCode.ServiceUnavailable);

        await PublishAsync(change);
        var fault = await Eventually.GetAsync(
            () => Task.FromResult(fixture.Recorder.Faults<SubscriberStatusChanged>().Where(f => f.Message.ChangeId == change.ChangeId).ToList()),
            faults => faults.Count > 0);

        Assert.IsType<Consumers.WebhookDeliveryException>(fault[0].Error);
        Assert.Equal(3, RequestsFor(change.Email).Count);
    }

    [Fact]
    public async Task Redirect_is_not_followed_and_counts_as_failure()
    {
        var change = WebhookPayloadTests.Change(NewEmail(), SubscriberStatuses.Bounced);
        fixture.Crm.Answers.Enqueue(HttpStatusCode.Found);

        await PublishAsync(change);
        await Eventually.GetAsync(
            () => Task.FromResult(fixture.Recorder.Faults<SubscriberStatusChanged>().Count(f => f.Message.ChangeId == change.ChangeId)),
            count => count > 0);

        Assert.Single(RequestsFor(change.Email));
    }

    [Fact]
    public async Task Flip_back_to_subscribed_posts_nothing()
    {
        var change = WebhookPayloadTests.Change(NewEmail(), SubscriberStatuses.Subscribed, "reactivated");

        await PublishAsync(change);
        await fixture.Recorder.WaitForConsumedAsync<SubscriberStatusChanged>(c => c.ChangeId == change.ChangeId, 1);

        Assert.Empty(RequestsFor(change.Email));
    }
}
