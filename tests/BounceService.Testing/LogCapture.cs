using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace BounceService.Testing;

/// <summary>
/// An <see cref="ILoggerProvider"/> that keeps every entry as text: the formatted message, each structured value,
/// the exception and every scope around it, so that a test can search all a service ever wrote.
/// </summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    public sealed record Entry(string Category, LogLevel Level, string Text);

    private readonly ConcurrentQueue<Entry> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<Entry> Entries => _entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => capture._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new List<string?> { formatter(state, exception), exception?.ToString() };
            text.AddRange(Values(state));
            capture._scopes.ForEachScope((scope, parts) => parts.AddRange(Values(scope)), text);
            capture._entries.Enqueue(new Entry(category, logLevel, string.Join('\n', text.Where(t => !string.IsNullOrEmpty(t)))));
        }

        /// <summary>The object as text and, for structured state, each of its values (a template may not print them all).</summary>
        private static IEnumerable<string?> Values(object? state) =>
            state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.Select(p => $"{p.Key}={Text(p.Value)}").Prepend(state.ToString())
                : [state?.ToString()];

        private static string? Text(object? value) =>
            value is System.Collections.IEnumerable items and not string ? string.Join(", ", items.Cast<object?>()) : value?.ToString();
    }
}
