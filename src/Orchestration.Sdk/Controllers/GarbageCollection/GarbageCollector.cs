using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestration.Sdk.Controllers.Engine;
using Orchestration.Sdk.Informers;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Controllers.GarbageCollection;

/// <summary>
/// Deletes objects whose owners are all gone (background cascading deletion, as Kubernetes' garbage collector):
/// deleting a Deployment removes its ReplicaSets, and they their Pods. Keys are owner keys; a dependent's change
/// also enqueues its owners, so dependents orphaned while the host was down are found on start.
/// </summary>
internal sealed partial class GarbageCollector(ResourceStore store, ISharedInformerFactory informers, TimeProvider time, IOptions<ControllerOptions> options, ILogger<GarbageCollector> logger)
    : Controller("garbage-collector", store, informers, time, options.Value, logger)
{
    private readonly string[] _dependentKinds = [.. store.Kinds.All.Where(k => k.GarbageCollected).Select(k => k.Kind)];

    /// <summary>Owners being deleted, and every kind that can be a dependent (its change enqueues its owners).</summary>
    protected override IReadOnlyList<WatchSource> Sources { get; } =
    [
        WatchSource.Self(Deployment.KindName),
        WatchSource.Self(ReplicaSet.KindName),
        .. store.Kinds.All.Where(k => k.GarbageCollected).Select(k => new WatchSource(k.Kind, OwnerKeys)),
        .. store.Kinds.All.Where(k => k.GetType().IsGenericType && k.GetType().GetGenericTypeDefinition() == typeof(Kinds.Custom.CustomKindRule<>)).Select(k => WatchSource.Self(k.Kind)),
    ];

    protected override Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        if (Store.Get<Resource>(key) is { Metadata.DeletionTimestamp: null })
        {
            return Task.FromResult(ReconcileResult.Done);
        }

        var now = Time.GetUtcNow();
        foreach (var kind in _dependentKinds)
        {
            var dependents = Store.List<Resource>(kind, key.Namespace, filter: r =>
                r.Metadata.OwnerReferences.Any(o => o.Kind == key.Kind && o.Name == key.Name)).Items;
            foreach (var dependent in dependents.Where(AllOwnersGone))
            {
                LogCollecting(Logger, dependent.ToString(), key.ToString());
                try
                {
                    if (dependent is Pod pod)
                    {
                        Store.DeletePod(pod, now);
                    }
                    else
                    {
                        Store.Delete(dependent.Key);
                    }
                }
                catch (NotFoundException)
                {
                }
            }
        }

        return Task.FromResult(ReconcileResult.Done);
    }

    private bool AllOwnersGone(Resource dependent) => dependent.Metadata.OwnerReferences.All(o =>
        Store.Get<Resource>(new ObjectKey(o.Kind, dependent.Metadata.Namespace, o.Name)) is not { } owner || owner.Metadata.Uid != o.Uid);

    private static IEnumerable<ObjectKey> OwnerKeys(Resource r) =>
        r.Metadata.OwnerReferences.Select(o => new ObjectKey(o.Kind, r.Metadata.Namespace, o.Name));

    [LoggerMessage(Level = LogLevel.Information, Message = "Garbage collecting {Dependent}: its owner {Owner} is gone")]
    private static partial void LogCollecting(ILogger logger, string dependent, string owner);
}
