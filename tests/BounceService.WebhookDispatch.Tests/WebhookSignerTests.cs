using BounceService.WebhookDispatch.Crm;

namespace BounceService.WebhookDispatch.Tests;

public sealed class WebhookSignerTests
{
    [Fact]
    public void Signature_matches_the_standard_webhooks_test_vector()
    {
        var signature = WebhookSigner.Sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, """{"test": 2432232314}""");

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Fact]
    public void Any_change_to_id_timestamp_or_body_changes_the_signature()
    {
        const string secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        var original = WebhookSigner.Sign(secret, "msg_1", 100, "{}");

        Assert.NotEqual(original, WebhookSigner.Sign(secret, "msg_2", 100, "{}"));
        Assert.NotEqual(original, WebhookSigner.Sign(secret, "msg_1", 101, "{}"));
        Assert.NotEqual(original, WebhookSigner.Sign(secret, "msg_1", 100, "{ }"));
    }
}
