using BounceService.Ingest.Providers.Brevo;
using BounceService.Ingest.Providers.Mailgun;
using BounceService.Ingest.Providers.Mailjet;
using BounceService.Ingest.Providers.Postal;
using BounceService.Ingest.Providers.Postmark;
using BounceService.Ingest.Providers.Resend;
using BounceService.Ingest.Providers.SendGrid;
using BounceService.Ingest.Providers.Ses;
using BounceService.Ingest.Providers.SparkPost;

namespace BounceService.Ingest.Providers;

public static class ProviderServices
{
    /// <summary>Every ESP adapter, the registry that enables the configured ones, and the start-up check.</summary>
    public static IHostApplicationBuilder AddIngestProviders(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProvidersOptions>()
            .BindConfiguration(ProvidersOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IngestMetrics>();
        builder.Services.AddSingleton<ProviderRegistry>();
        builder.Services.AddHostedService<ProviderStartup>();

        builder.Services.AddSingleton(PostmarkParser.Provider);
        builder.Services.AddSingleton(MailjetParser.Provider);
        builder.Services.AddSingleton(SparkPostParser.Provider);
        builder.Services.AddSingleton(BrevoParser.Provider);
        builder.Services.AddSingleton(MailgunParser.Provider);
        builder.Services.AddSingleton(SendGridParser.Provider);
        builder.Services.AddSingleton(ResendParser.Provider);
        builder.Services.AddSingleton(PostalParser.Provider);
        builder.AddSesProvider();
        return builder;
    }
}
