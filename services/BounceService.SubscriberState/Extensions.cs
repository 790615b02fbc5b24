using BounceService.ServiceDefaults;
using BounceService.SubscriberState.Alerts;
using BounceService.SubscriberState.Consumers;
using BounceService.SubscriberState.Data;
using BounceService.SubscriberState.Domains;
using BounceService.SubscriberState.Endpoints;
using BounceService.SubscriberState.Subscribers;

namespace BounceService.SubscriberState;

public static class Extensions
{
    public static IHostApplicationBuilder AddSubscriberStateServices(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(DatabaseSetup.ConnectionStringName)
            ?? throw new InvalidOperationException(
                "ConnectionStrings:Postgres is not set (e.g. ConnectionStrings__Postgres=Host=127.0.0.1;Database=app;Username=app;Password=app).");
        builder.Services.AddDbContext<StateDbContext>(o => o.UseStateDatabase(connectionString));
        builder.Services.AddHealthChecks().AddDbContextCheck<StateDbContext>("postgres");
        builder.Services.AddScoped<OutcomeRecorder>();
        builder.Services.AddScoped<Reactivator>();
        builder.Services.AddScoped<AlertEvaluator>();
        builder.Services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<AlertSweeper>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AlertSweeper>());
        builder.Services.AddSingleton<RecipientDomainBackfill>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RecipientDomainBackfill>());
        builder.Services.AddOptions<AutoReactivationOptions>().BindConfiguration(AutoReactivationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<AutoReactivation>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AutoReactivation>());
        builder.Services.AddOptions<RetryOptions>().BindConfiguration(RetryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<RetryAnnouncer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RetryAnnouncer>());
        builder.AddMessageBus(x => x.AddConsumer<BounceClassifiedConsumer>(typeof(BounceClassifiedConsumerDefinition)));
        return builder;
    }

    public static WebApplication MapSubscriberStateEndpoints(this WebApplication app)
    {
        app.MapSubscriberEndpoints();
        app.MapBounceLogEndpoints();
        app.MapSendingServerEndpoints();
        app.MapReactivationEndpoints();
        app.MapSuppressionEndpoints();
        app.MapActivityEndpoints();
        app.MapReportEndpoints();
        app.MapCampaignEndpoints();
        app.MapAlertEndpoints();
        return app;
    }
}
