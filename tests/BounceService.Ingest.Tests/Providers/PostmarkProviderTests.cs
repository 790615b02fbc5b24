using System.Net;
using System.Text;

namespace BounceService.Ingest.Tests.Providers;

public sealed class PostmarkProviderTests(ProviderServiceFixture fixture) : IClassFixture<ProviderServiceFixture>
{
    private const string Provider = "postmark";
    private readonly HttpClient _client = fixture.Factory.CreateClient();

    private static ProviderFixtures.Sample Sample(string name) =>
        ProviderServiceFixture.WithCredentials(Provider, ProviderFixtures.Load(Provider, name));

    private static ProviderFixtures.Sample Json(string json) =>
        ProviderServiceFixture.WithCredentials(Provider, new ProviderFixtures.Sample(Encoding.UTF8.GetBytes(json), new()));

    [Theory]
    [InlineData("hard-bounce", "john@example.com", "hard", "5.1.1", 550)]
    [InlineData("soft-bounce", "mary@example.com", "soft", "4.2.2", 452)]
    [InlineData("complaint", "john@example.com", "complaint", null, null)]
    public async Task Fixture_is_classified_as_the_fixtures_readme_says(string name, string recipient, string kind, string? dsn, int? smtp)
    {
        var (response, published) = await fixture.PostAsync(_client, Provider, Sample(name));

        await Outcomes.AssertAcceptedAsync(response, published, Provider, (recipient, kind, dsn, smtp));
    }

    [Fact]
    public async Task Int64_id_is_the_event_id_without_losing_digits()
    {
        var (_, published) = await fixture.PostAsync(_client, Provider, Sample("hard-bounce"));

        Assert.Equal("postmark-4323372036854775807", Assert.Single(published).EventId);
    }

    [Fact]
    public async Task Duplicate_delivery_is_accepted_twice_with_the_same_event_id()
    {
        var (first, once) = await fixture.PostAsync(_client, Provider, Sample("soft-bounce"));
        var (second, twice) = await fixture.PostAsync(_client, Provider, Sample("soft-bounce"));

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first.StatusCode, second.StatusCode));
        Assert.Equal(Assert.Single(once).EventId, Assert.Single(twice).EventId);
    }

    [Fact]
    public async Task Wrong_password_is_401_with_a_basic_challenge_and_publishes_nothing()
    {
        var sample = ProviderFixtures.Load(Provider, "hard-bounce").WithHeader("Authorization", ProviderServiceFixture.Basic("postmark-user", "guess").ToString());

        var (response, published) = await fixture.PostAsync(_client, Provider, sample);

        await Outcomes.AssertRefusedAsync(response, published, "credentials are wrong");
        Assert.Equal("Basic", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Missing_credentials_are_401()
    {
        var (response, published) = await fixture.PostAsync(_client, Provider, ProviderFixtures.Load(Provider, "hard-bounce"));

        await Outcomes.AssertRefusedAsync(response, published, "no credentials");
    }

    [Fact]
    public async Task Delivery_record_is_a_delivered_outcome()
    {
        var (response, published) = await fixture.PostAsync(_client, Provider, Json("""
            {"RecordType":"Delivery","ServerID":23,"MessageStream":"outbound","MessageID":"883953f4-6105-42a2-a16a-77a8eac79483",
             "Recipient":"john@example.com","Tag":"welcome","DeliveredAt":"2019-11-05T16:33:54.9070259Z",
             "Details":"Test delivery webhook details","Metadata":{}}
            """));

        await Outcomes.AssertAcceptedAsync(response, published, Provider, ("john@example.com", "delivered", null, null));
    }

    [Theory]
    [InlineData("""{"RecordType":"Open","Recipient":"john@example.com","MessageID":"m-1"}""")]
    [InlineData("""{"RecordType":"Bounce","Type":"ManuallyDeactivated","TypeCode":100002,"Email":"john@example.com","ID":1}""")]
    [InlineData("""{"RecordType":"Bounce","Type":"AutoResponder","TypeCode":"64","Email":"john@example.com","ID":"2"}""")]
    [InlineData("""{"RecordType":"SomethingNew","Email":"john@example.com"}""")]
    public async Task Record_that_is_no_outcome_is_200_with_nothing_accepted(string json)
    {
        var (response, published) = await fixture.PostAsync(_client, Provider, Json(json));

        await Outcomes.AssertNothingAsync(response, published);
    }

    [Fact]
    public async Task Numbers_as_strings_and_unknown_fields_are_read()
    {
        var (response, published) = await fixture.PostAsync(_client, Provider, Json("""
            {"RecordType":"Bounce","ID":"77","Type":"HardBounce","TypeCode":"1","Email":"Someone@Example.com","NewField":{"x":[1]},
             "Details":"smtp;550 5.1.1 no such user","BouncedAt":"2024-01-01T00:00:00Z"}
            """));

        await Outcomes.AssertAcceptedAsync(response, published, Provider, ("someone@example.com", "hard", "5.1.1", 550));
        Assert.Equal("postmark-77", published[0].EventId);
    }

    [Fact]
    public async Task Malformed_body_is_400_naming_the_problem()
    {
        var (response, published) = await fixture.PostAsync(_client, Provider, Json("""{"RecordType":"Bounce","Email":"""));

        Assert.Contains("not valid JSON", await Outcomes.AssertInvalidAsync(response, published));
    }

    [Fact]
    public async Task Bounce_without_a_recipient_is_400_naming_the_field()
    {
        var (response, published) = await fixture.PostAsync(_client, Provider, Json("""{"RecordType":"Bounce","Type":"HardBounce","TypeCode":1,"Email":"not an address"}"""));

        Assert.Contains("/Email", await Outcomes.AssertInvalidAsync(response, published));
    }
}
