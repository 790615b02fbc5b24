namespace BounceService.Ingest.Providers.Ses;

public static class SesServices
{
    public static IHostApplicationBuilder AddSesProvider(this IHostApplicationBuilder builder)
    {
        // The client lives in singletons: pooled connections are renewed so that DNS changes are still seen.
        builder.Services.AddHttpClient<ISnsClient, SnsClient>(http =>
            {
                http.Timeout = TimeSpan.FromSeconds(10);
                http.MaxResponseContentBufferSize = 64 * 1024;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        builder.Services.AddSingleton<SnsCertificates>();
        builder.Services.AddSingleton(services => new WebhookProvider(
            SesParser.Name,
            "Ses",
            new SesAuthenticator(services.GetRequiredService<SnsCertificates>()),
            new SesParser(services.GetRequiredService<ISnsClient>(), services.GetRequiredService<ILogger<SesParser>>())));
        return builder;
    }
}
