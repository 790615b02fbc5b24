using BounceService.Ingest.Endpoints;
using BounceService.Ingest.Providers;
using BounceService.Ingest.Publishing;
using BounceService.ServiceDefaults;

namespace BounceService.Ingest;

public static class Extensions
{
    public static IHostApplicationBuilder AddIngestServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IngestOptions>()
            .BindConfiguration(IngestOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<EventPublisher>();
        builder.AddMessageBus(mandatoryPublish: true);
        builder.AddIngestProviders();
        return builder;
    }

    public static WebApplication MapIngestEndpoints(this WebApplication app)
    {
        app.MapGenericIngest();
        app.MapDsnIngest();
        app.MapProviderIngest();
        return app;
    }
}
