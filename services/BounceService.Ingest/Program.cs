using BounceService.Ingest;
using BounceService.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.UseDefaultPort(8080);
builder.AddServiceDefaults();
builder.AddIngestServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapIngestEndpoints();
app.Run();

/// <summary>Entry point, public so that tests can host the service.</summary>
public partial class Program;
