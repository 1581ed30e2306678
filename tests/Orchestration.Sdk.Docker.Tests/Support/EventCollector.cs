using System.Collections.Concurrent;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker.Tests.Support;

/// <summary>Follows a runtime's event stream in the background and lets a test wait for an event.</summary>
internal sealed class EventCollector : IAsyncDisposable
{
    private readonly ConcurrentQueue<ContainerEvent> _events = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;

    public EventCollector(IContainerRuntime runtime)
    {
        _pump = Task.Run(async () =>
        {
            try
            {
                await foreach (var item in runtime.WatchEventsAsync(_stop.Token))
                {
                    _events.Enqueue(item);
                    _arrived.Release();
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
    }

    public IReadOnlyList<ContainerEvent> Events => [.. _events];

    /// <summary>Waits (real time, bounded) for an event matching <paramref name="match"/>.</summary>
    public async Task<ContainerEvent> WaitForAsync(Func<ContainerEvent, bool> match, TimeSpan? timeout = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            if (_events.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            try
            {
                await _arrived.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("no matching event; seen: " + string.Join(", ", _events.Select(e => $"{e.Type} {e.ContainerId[..Math.Min(12, e.ContainerId.Length)]} {e.ExitCode}")));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _pump;
        _stop.Dispose();
        _arrived.Dispose();
    }
}
