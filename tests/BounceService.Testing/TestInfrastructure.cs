using System.Text;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;
using Xunit;

namespace BounceService.Testing;

/// <summary>
/// The real PostgreSQL and RabbitMQ the integration tests run against: the connection strings in
/// BOUNCESERVICE_TEST_POSTGRES and BOUNCESERVICE_TEST_RABBITMQ when set (scripts/test.sh sets them after
/// starting local services), else containers when a Docker engine answers. Never an in-memory stand-in.
/// Tests share it, so each test uses its own ids.
/// </summary>
public sealed class TestInfrastructure : IAsyncLifetime
{
    public const string PostgresVariable = "BOUNCESERVICE_TEST_POSTGRES";
    public const string RabbitMqVariable = "BOUNCESERVICE_TEST_RABBITMQ";

    private PostgreSqlContainer? _postgres;
    private RabbitMqContainer? _rabbitMq;
    private readonly List<string> _virtualHosts = [];
    private readonly List<string> _users = [];

    public string Postgres { get; private set; } = "";
    public string RabbitMq { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var postgres = Environment.GetEnvironmentVariable(PostgresVariable);
        var rabbitMq = Environment.GetEnvironmentVariable(RabbitMqVariable);
        if (!string.IsNullOrWhiteSpace(postgres) && !string.IsNullOrWhiteSpace(rabbitMq))
        {
            (Postgres, RabbitMq) = (postgres, rabbitMq);
            return;
        }
        try
        {
            _postgres = new PostgreSqlBuilder("postgres:17").Build();
            _rabbitMq = new RabbitMqBuilder("rabbitmq:4-management").Build();
            await Task.WhenAll(_postgres.StartAsync(), _rabbitMq.StartAsync());
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException(
                $"No PostgreSQL and RabbitMQ for the integration tests. Either run them through scripts/test.sh " +
                $"(it installs and starts local services), or set {PostgresVariable} (Npgsql connection string) and " +
                $"{RabbitMqVariable} (amqp://user:pass@host:port/), or make a Docker engine reachable for Testcontainers. " +
                $"Docker said: {ex.Message}", ex);
        }
        Postgres = _postgres.GetConnectionString();
        RabbitMq = _rabbitMq.GetConnectionString();
    }

    /// <summary>
    /// A RabbitMQ virtual host of the caller's own, so that its queues compete with no other consumer (services
    /// started by scripts/run.sh, another test run). A local broker gets one through its management API
    /// (removed again on dispose); a container is private already.
    /// </summary>
    public async Task<string> IsolatedRabbitMqAsync(string name)
    {
        if (_rabbitMq is not null) return RabbitMq;
        using var management = ManagementClient();
        var vhost = Uri.EscapeDataString(name);
        var user = Uri.EscapeDataString(Uri.UnescapeDataString(new Uri(RabbitMq).UserInfo.Split(':')[0]));
        (await management.PutAsync($"vhosts/{vhost}", null)).EnsureSuccessStatusCode();
        using var permissions = new StringContent("{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}", Encoding.UTF8, "application/json");
        (await management.PutAsync($"permissions/{vhost}/{user}", permissions)).EnsureSuccessStatusCode();
        _virtualHosts.Add(vhost);
        return new UriBuilder(RabbitMq) { Path = "/" + vhost }.Uri.ToString();
    }

    /// <summary>
    /// A broker user of the caller's own (with <paramref name="password"/>) allowed on the virtual host of
    /// <paramref name="rabbitMq"/>, e.g. so that a test can look for a password that appears nowhere else; removed on dispose.
    /// </summary>
    /// <returns><paramref name="rabbitMq"/> with the new user's credentials; unchanged for a container (its management API is not published).</returns>
    public async Task<string> RabbitMqUserAsync(string rabbitMq, string user, string password)
    {
        if (_rabbitMq is not null) return rabbitMq;
        using var management = ManagementClient();
        var name = Uri.EscapeDataString(user);
        using var body = new StringContent(System.Text.Json.JsonSerializer.Serialize(new { password, tags = "" }), Encoding.UTF8, "application/json");
        (await management.PutAsync($"users/{name}", body)).EnsureSuccessStatusCode();
        _users.Add(name);
        var vhost = Uri.EscapeDataString(Uri.UnescapeDataString(new Uri(rabbitMq).AbsolutePath.TrimStart('/')) is { Length: > 0 } v ? v : "/");
        using var permissions = new StringContent("{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}", Encoding.UTF8, "application/json");
        (await management.PutAsync($"permissions/{vhost}/{name}", permissions)).EnsureSuccessStatusCode();
        return new UriBuilder(rabbitMq) { UserName = name, Password = Uri.EscapeDataString(password) }.Uri.ToString();
    }

    private HttpClient ManagementClient()
    {
        var broker = new Uri(RabbitMq);
        var client = new HttpClient { BaseAddress = new Uri($"http://{broker.Host}:15672/api/") };
        client.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(broker.UserInfo))));
        return client;
    }

    public async Task DisposeAsync()
    {
        if (_virtualHosts.Count > 0 || _users.Count > 0)
        {
            using var management = ManagementClient();
            foreach (var vhost in _virtualHosts) await management.DeleteAsync($"vhosts/{vhost}");
            foreach (var user in _users) await management.DeleteAsync($"users/{user}");
        }
        if (_postgres is not null) await _postgres.DisposeAsync();
        if (_rabbitMq is not null) await _rabbitMq.DisposeAsync();
    }
}
