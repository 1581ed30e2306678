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

    private static string NewId() => Guid.NewGuid().ToString("N");

    private Task<T> Call<T>(InMemoryOperation operation, CancellationToken cancellationToken, Func<T> body)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

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
        Publish(ContainerEventType.Removed, c, _time.GetUtcNow());
    }

    private sealed class InjectedFailure(int remaining, string reason, string? message)
    {
        public int Remaining { get; set; } = remaining;

        public string Reason { get; } = reason;

        public string? Message { get; } = message;
    }
}
