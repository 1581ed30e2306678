using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Orchestration.Sdk.Hosting;

/// <summary>
/// The <see cref="ILogger{TCategoryName}"/> the core registers (TryAdd) instead of calling <c>AddLogging()</c>, so that it
/// depends on the logging abstractions only: it logs through the host's <see cref="ILoggerFactory"/> when one is
/// registered (before or after <c>AddOrchestration</c>) and nowhere otherwise. A host that calls <c>AddLogging()</c>
/// first keeps its own <see cref="Logger{T}"/> registration; either way the category is the type's name.
/// </summary>
internal sealed class HostLogger<T>(IServiceProvider services) : ILogger<T>
{
    private readonly ILogger _inner = (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<T>();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => _inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => _inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _inner.Log(logLevel, eventId, state, exception, formatter);
}
