namespace Orchestration.Sdk.Store;

internal sealed partial class ResourceStore
{
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the store's version moves past <paramref name="version"/> (any kind).</summary>
    public Task WaitForChangeAsync(long version, CancellationToken cancellationToken)
    {
        Task task;
        lock (_gate)
        {
            if (_version > version)
            {
                return Task.CompletedTask;
            }

            task = _changed.Task;
        }

        return task.WaitAsync(cancellationToken);
    }

    private void SignalChanged()
    {
        var previous = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        previous.TrySetResult();
    }
}
