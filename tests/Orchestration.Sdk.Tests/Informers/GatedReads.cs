using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Tests.Informers;

/// <summary>
/// A store transformer that holds the first read of an object labelled app=block until released: it stops an
/// informer's watch on that event, so a test can make the watcher fall behind deterministically.
/// </summary>
internal sealed class GatedReads(string kind) : IStoredObjectTransformer
{
    public const string BlockLabel = "block";

    private readonly ManualResetEventSlim _open = new(false);
    private readonly TaskCompletionSource _blocked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _used;

    public string Kind => kind;

    public Task Blocked => _blocked.Task;

    public void Release() => _open.Set();

    public Resource ToStored(Resource plain) => plain;

    public Resource FromStored(Resource stored)
    {
        if (stored.Metadata.Labels.TryGetValue("app", out var app) && app == BlockLabel && Interlocked.Exchange(ref _used, 1) == 0)
        {
            _blocked.TrySetResult();
            _open.Wait(TimeSpan.FromSeconds(10));
        }

        return stored;
    }
}
