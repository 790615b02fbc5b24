using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace BounceService.ServiceDefaults;

public static class DefaultPort
{
    /// <summary>Listens on <paramref name="port"/> unless ASPNETCORE_URLS, --urls or ASPNETCORE_HTTP_PORTS says otherwise.</summary>
    public static WebApplicationBuilder UseDefaultPort(this WebApplicationBuilder builder, int port)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
            builder.WebHost.UseUrls($"http://0.0.0.0:{port}");
        return builder;
    }
}
