using BounceService.ServiceDefaults;
using BounceService.SubscriberState;
using BounceService.SubscriberState.Data;

var builder = WebApplication.CreateBuilder(args);
builder.UseDefaultPort(8081);
builder.AddServiceDefaults();
builder.AddSubscriberStateServices();

var app = builder.Build();
if (args is ["migrate"])
{
    // One-shot mode for the dev script and the Kubernetes Job: apply migrations, exit 0.
    await app.Services.MigrateAsync();
    return;
}
app.MapDefaultEndpoints();
app.MapSubscriberStateEndpoints();
app.Run();

/// <summary>Entry point, public so that tests can host the service.</summary>
public partial class Program;
