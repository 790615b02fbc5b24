using BounceService.ServiceDefaults;
using BounceService.WebhookDispatch;
using BounceService.WebhookDispatch.Data;

var builder = WebApplication.CreateBuilder(args);
builder.UseDefaultPort(8082);
builder.AddServiceDefaults();
builder.AddWebhookDispatchServices();

var app = builder.Build();
if (args is ["migrate"])
{
    // One-shot mode for the dev script and the Kubernetes Job: apply migrations, exit 0.
    await app.Services.MigrateAsync();
    return;
}
app.MapDefaultEndpoints();
app.MapWebhookDispatchEndpoints();
app.Run();

/// <summary>Entry point, public so that tests can host the service.</summary>
public partial class Program;
