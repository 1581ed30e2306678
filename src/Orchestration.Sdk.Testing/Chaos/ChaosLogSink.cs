using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Orchestration.Sdk.Testing.Chaos;

/// <summary>Keeps every log line of a chaos run (all levels) so the run can check no secret value was logged.</summary>
internal sealed class ChaosLogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <summary>The first line containing <paramref name="value"/>, or null.</summary>
    public string? Leaked(string value) => _lines.FirstOrDefault(l => l.Contains(value, StringComparison.Ordinal));

    public void Dispose()
    {
    }

    private sealed class Logger(ChaosLogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (sink._lines.Count < 200_000)
            {
                sink._lines.Enqueue($"{category}: {formatter(state, exception)} {exception}");
            }
        }
    }
}
