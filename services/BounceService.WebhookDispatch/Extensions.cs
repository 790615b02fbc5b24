using BounceService.ServiceDefaults;
using BounceService.WebhookDispatch.Consumers;
using BounceService.WebhookDispatch.Crm;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Refit;

namespace BounceService.WebhookDispatch;

public static class Extensions
{
    public static IHostApplicationBuilder AddWebhookDispatchServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebhooksOptions>()
            .BindConfiguration(WebhooksOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.Endpoints.All(e => new DestinationGuard(Options.Create(o)).ProblemWith(e.Url) is null),
                "Every Webhooks:Endpoints:N:Url must be an absolute https URL (http only for Webhooks:AllowedHosts or with Webhooks:AllowHttp).")
            .ValidateOnStart();
        builder.Services.AddSingleton<DestinationGuard>();

        builder.Services.AddRefitGeneratedClient<ICrmWebhookApi>()
            .ConfigureHttpClient(c => c.BaseAddress = new Uri("http://unused.invalid")) // every call passes its own [Url]
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                ConnectCallback = sp.GetRequiredService<DestinationGuard>().ConnectAsync,
            })
            .AddResilienceHandler("crm", (pipeline, context) =>
            {
                var o = context.ServiceProvider.GetRequiredService<IOptions<WebhooksOptions>>().Value;
                pipeline
                    .AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = Math.Max(o.Retries, 1),
                        ShouldHandle = o.Retries == 0 ? _ => ValueTask.FromResult(false) : new HttpRetryStrategyOptions().ShouldHandle,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = o.RetryDelay,
                    })
                    .AddTimeout(o.Timeout);
            });
        builder.Services.AddScoped<WebhookSender>();
        builder.AddMessageBus(x => x.AddConsumer<SubscriberStatusChangedConsumer>(typeof(SubscriberStatusChangedConsumerDefinition)));
        return builder;
    }
}
