using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace BounceService.Ingest.Tests;

/// <summary><c>Providers:Generic:Token</c> closes the generic and dsn endpoints to requests without it.</summary>
public sealed class OptionalSharedSecretTests : IAsyncLifetime
{
    private const string Token = "generic-test-token";
    private WebApplicationFactory<Program> _factory = null!;

    public async Task InitializeAsync()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Providers:Generic:Token", Token);
            web.ConfigureTestServices(services => services.AddMassTransitTestHarness(x => x.DisableUsageTelemetry()));
        });
        await _factory.Services.GetTestHarness().Start();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<HttpStatusCode> PostAsync(string path, string mediaType, string body, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await _factory.CreateClient().SendAsync(request)).StatusCode;
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("wrong", HttpStatusCode.Unauthorized)]
    [InlineData(Token, HttpStatusCode.Accepted)]
    public async Task Generic_endpoint_needs_the_token(string? token, HttpStatusCode expected) =>
        Assert.Equal(expected, await PostAsync("/v1/ingest/generic", "application/json",
            $$"""{"type":"bounce","recipient":"{{IngestRequests.NewRecipient()}}","dsn_code":"5.1.1"}""", token));

    [Fact]
    public async Task Dsn_endpoint_needs_the_token() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("/v1/ingest/dsn", "message/rfc822", "From: a@example.com\r\n\r\nhi\r\n", null));
}
