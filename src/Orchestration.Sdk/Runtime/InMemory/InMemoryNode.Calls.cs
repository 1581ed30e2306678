namespace Orchestration.Sdk.Runtime.InMemory;

// The plumbing every runtime call goes through: call counts, injected failures, the down state, exits and removals.
public sealed partial class InMemoryNode
{
    private static bool MatchesSelector(IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string> selector)
    {
        foreach (var (key, value) in selector)
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }

        return true;
    }

    // Ids are unique in the process: a random prefix drawn once, then a counter (cheaper than a Guid per call).
    private static readonly ulong IdPrefix = (ulong)Random.Shared.NextInt64();
    private static long s_nextId;

    private static string NewId() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{IdPrefix:x16}{(ulong)Interlocked.Increment(ref s_nextId):x16}");

    private Task<T> Call<T>(InMemoryOperation operation, CancellationToken cancellationToken, Func<T> body)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        TimeSpan delay;
        lock (_gate)
        {
            delay = _delays.GetValueOrDefault(operation);
        }

        return delay > TimeSpan.Zero ? DelayedCall(operation, delay, cancellationToken, body) : CallNow(operation, cancellationToken, body);
    }

    private async Task<T> DelayedCall<T>(InMemoryOperation operation, TimeSpan delay, CancellationToken cancellationToken, Func<T> body)
    {
        await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        return await CallNow(operation, cancellationToken, body).ConfigureAwait(false);
    }

    private Task<T> CallNow<T>(InMemoryOperation operation, CancellationToken cancellationToken, Func<T> body)
    {
        try
        {
            lock (_gate)
            {
                Enter(operation);
                return Task.FromResult(body());
            }
        }
        catch (ContainerRuntimeException ex)
        {
            return Task.FromException<T>(ex);
        }
    }

    private void Enter(InMemoryOperation operation)
    {
        _calls[(int)operation]++;
        if (_down)
        {
            throw Unavailable();
        }

        if (_failures.TryGetValue(operation, out var failure))
        {
            if (--failure.Remaining <= 0)
            {
                _failures.Remove(operation);
            }

            throw new ContainerRuntimeException(failure.Message ?? $"injected failure of {operation} on node \"{Name}\"") { Reason = failure.Reason };
        }
    }

    private ContainerRuntimeException Unavailable() =>
        new($"the container runtime of node \"{Name}\" is unreachable") { Reason = "RuntimeUnavailable" };

    private void ExitLocked(InMemoryContainer c, int exitCode, bool oomKilled, string why)
    {
        var now = _time.GetUtcNow();
        c.Exit(now, exitCode, oomKilled, why);
        Publish(ContainerEventType.Exited, c, now);
    }

    private void RemoveLocked(InMemoryContainer c)
    {
        if (c.State == RuntimeContainerState.Running)
        {
            ExitLocked(c, 137, oomKilled: false, "killed (SIGKILL) on removal");
        }

        _containers.Remove(c.Id);
        _containersByPod.Remove(c);
        RemoveLayerLocked(c.Id);
        Publish(ContainerEventType.Removed, c, _time.GetUtcNow());
    }

    private sealed class InjectedFailure(int remaining, string reason, string? message)
    {
        public int Remaining { get; set; } = remaining;

        public string Reason { get; } = reason;

        public string? Message { get; } = message;
    }
}
