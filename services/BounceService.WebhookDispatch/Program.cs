using BounceService.ServiceDefaults;
using BounceService.WebhookDispatch;

var builder = WebApplication.CreateBuilder(args);
builder.UseDefaultPort(8082);
builder.AddServiceDefaults();
builder.AddWebhookDispatchServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();

/// <summary>Entry point, public so that tests can host the service.</summary>
public partial class Program;
