namespace BounceService.ServiceDefaults;

/// <summary>The parts of an <c>amqp://user:pass@host:port/vhost</c> connection string.</summary>
public sealed class RabbitMqAddress
{
    public RabbitMqAddress(string connectionString)
    {
        if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
            throw new InvalidOperationException("ConnectionStrings:RabbitMq must look like amqp://user:pass@host:5672/vhost.");
        Host = uri.Host;
        Port = (ushort)(uri.IsDefaultPort || uri.Port < 0 ? (uri.Scheme == "amqps" ? 5671 : 5672) : uri.Port);
        var path = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        VirtualHost = path.Length == 0 ? "/" : path;
        var user = uri.UserInfo.Split(':', 2);
        Username = user[0].Length > 0 ? Uri.UnescapeDataString(user[0]) : "guest";
        Password = user.Length > 1 ? Uri.UnescapeDataString(user[1]) : "guest";
    }

    public string Host { get; }
    public ushort Port { get; }
    public string VirtualHost { get; }
    public string Username { get; }
    public string Password { get; }
}
