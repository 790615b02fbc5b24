using BounceService.ServiceDefaults;
using BounceService.WebhookDispatch.Consumers;
using BounceService.WebhookDispatch.Crm;
using BounceService.WebhookDispatch.Data;
using BounceService.WebhookDispatch.Delivery;
using BounceService.WebhookDispatch.Endpoints;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Refit;

namespace BounceService.WebhookDispatch;

public static class Extensions
{
    public static IHostApplicationBuilder AddWebhookDispatchServices(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(DatabaseSetup.ConnectionStringName)
            ?? throw new InvalidOperationException(
                "ConnectionStrings:Postgres is not set (e.g. ConnectionStrings__Postgres=Host=127.0.0.1;Database=app;Username=app;Password=app).");
        builder.Services.AddDbContext<WebhookDbContext>(o => o.UseWebhookDatabase(connectionString));
        builder.Services.AddHealthChecks().AddDbContextCheck<WebhookDbContext>("postgres");
        // Secrets are encrypted with keys kept next to them, shared by every replica.
        builder.Services.AddDataProtection().SetApplicationName("BounceService.WebhookDispatch").PersistKeysToDbContext<WebhookDbContext>();

        builder.Services.AddOptions<WebhooksOptions>()
            .BindConfiguration(WebhooksOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.Endpoints.All(e => new DestinationGuard(Options.Create(o)).ProblemWith(e.Url) is null),
                "Every Webhooks:Endpoints:N:Url must be an absolute https URL (http only for Webhooks:AllowedHosts or with Webhooks:AllowHttp).")
            .Validate(o => o.Schedule.All(d => d >= TimeSpan.Zero), "Webhooks:RetrySchedule holds non-negative TimeSpans such as 00:00:05.")
            .ValidateOnStart();
        builder.Services.AddSingleton<DestinationGuard>();

        builder.Services.AddRefitGeneratedClient<ICrmWebhookApi>()
            .ConfigureHttpClient((sp, c) =>
            {
                c.BaseAddress = new Uri("http://unused.invalid"); // every call passes its own [Url]
                // The only HTTP-level policy: no retries here, the stored schedule owns them, so they never multiply.
                c.Timeout = sp.GetRequiredService<IOptions<WebhooksOptions>>().Value.Timeout;
            })
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                ConnectCallback = sp.GetRequiredService<DestinationGuard>().ConnectAsync,
            });
        builder.Services.AddScoped<WebhookSender>();
        builder.Services.AddScoped<EndpointSecrets>();
        builder.Services.AddScoped<ConfiguredEndpoints>();
        builder.Services.AddScoped<DeliveryQueue>();
        builder.Services.AddScoped<DeliveryOutcomes>();
        builder.Services.AddSingleton<DeliveryWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DeliveryWorker>());
        builder.AddMessageBus(x =>
        {
            x.AddConsumer<SubscriberStatusChangedConsumer>(typeof(SubscriberStatusChangedConsumerDefinition));
            x.AddConsumer<AnnouncementsConsumer>(typeof(AnnouncementsConsumerDefinition));
        });
        return builder;
    }

    public static WebApplication MapWebhookDispatchEndpoints(this WebApplication app)
    {
        app.MapWebhookEndpointApi();
        app.MapWebhookDeliveryApi();
        return app;
    }
}
