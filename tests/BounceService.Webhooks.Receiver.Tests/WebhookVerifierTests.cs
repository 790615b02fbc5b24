using BounceService.WebhookDispatch.Crm;

namespace BounceService.Webhooks.Receiver.Tests;

public sealed class WebhookVerifierTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const string Body = """{"test": 2432232314}""";
    private const long Timestamp = 1614265330;

    private sealed class FixedClock(long unixSeconds) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => DateTimeOffset.FromUnixTimeSeconds(unixSeconds);
    }

    private static WebhookVerifier At(long now, string secret = Secret) => new(secret, clock: new FixedClock(now));

    [Fact]
    public void Standard_webhooks_test_vector_verifies() =>
        Assert.True(At(Timestamp + 10).Verify(Id, "1614265330", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", Body));

    [Fact]
    public void What_the_service_signs_verifies_with_either_secret_during_a_rotation()
    {
        const string next = "whsec_c2Vjb25kLXNlY3JldC1mb3ItdGhlLXJvdGF0aW9uLXRlc3Q=";
        var header = $"{WebhookSigner.Sign(next, Id, Timestamp, Body)} {WebhookSigner.Sign(Secret, Id, Timestamp, Body)}";

        Assert.True(At(Timestamp).Verify(Id, "1614265330", header, Body));
        Assert.True(At(Timestamp, next).Verify(Id, "1614265330", header, Body));
    }

    [Theory]
    [InlineData(Id, "1614265330", """{"test": 2432232315}""")]
    [InlineData("msg_other", "1614265330", Body)]
    [InlineData(Id, "1614265331", Body)]
    [InlineData(Id, "not-a-number", Body)]
    [InlineData(null, "1614265330", Body)]
    public void Any_changed_part_fails(string? id, string timestamp, string body) =>
        Assert.False(At(Timestamp).Verify(id, timestamp, WebhookSigner.Sign(Secret, Id, Timestamp, Body), body));

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void Timestamps_outside_the_tolerance_fail(long offset) =>
        Assert.False(At(Timestamp + offset).Verify(Id, "1614265330", WebhookSigner.Sign(Secret, Id, Timestamp, Body), Body));
}
