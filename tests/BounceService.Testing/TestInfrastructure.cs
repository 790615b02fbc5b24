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

    public async Task DisposeAsync()
    {
        if (_postgres is not null) await _postgres.DisposeAsync();
        if (_rabbitMq is not null) await _rabbitMq.DisposeAsync();
    }
}
