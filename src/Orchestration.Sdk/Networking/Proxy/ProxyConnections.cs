using System.Collections.Concurrent;

namespace Orchestration.Sdk.Networking.Proxy;

/// <summary>
/// Open proxied connections per backend address, and a signal that fires whenever the proxy's state changes (a
/// connection closed, the endpoints were replaced), for callers that wait for a backend to drain.
/// </summary>
internal sealed class ProxyConnections
{
    private readonly ConcurrentDictionary<string, int> _active = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>A task that completes at the next change.</summary>
    public Task NextChange => Volatile.Read(ref _changed).Task;

    public int Count(string ip) => _active.TryGetValue(ip, out var n) ? n : 0;

    public void Enter(string ip) => _active.AddOrUpdate(ip, 1, (_, n) => n + 1);

    public void Leave(string ip)
    {
        _active.AddOrUpdate(ip, 0, (_, n) => Math.Max(0, n - 1));
        Signal();
    }

    /// <summary>Wakes everyone waiting on <see cref="NextChange"/>.</summary>
    public void Signal() => Interlocked.Exchange(ref _changed, NewSignal()).TrySetResult();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
