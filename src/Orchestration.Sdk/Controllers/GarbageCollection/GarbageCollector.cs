using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Controllers.Engine;
using Orchestration.Sdk.Informers;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Controllers.GarbageCollection;

/// <summary>
/// Deletes objects whose owners are all gone (background cascading deletion, as Kubernetes' garbage collector):
/// deleting a Deployment removes its ReplicaSets, and they their Pods. Keys are owner keys; a dependent's change
/// also enqueues its owners, so dependents orphaned while the host was down are found on start. An owner deleted in the
/// foreground (deletion timestamp and the foregroundDeletion finalizer) has its dependents deleted the same way and is
/// removed once no dependent with a controller reference to it (blockOwnerDeletion on the wire) is left.
/// Dependents are found in the shared informers of the dependent kinds (an index by every owner reference, as
/// Kubernetes' GC builds its graph from informers); whether an owner is gone is checked with a point read of the
/// store, as Kubernetes' GC checks a dangling reference with a live GET before it deletes.
/// </summary>
internal sealed partial class GarbageCollector(ResourceStore store, ISharedInformerFactory informers, TimeProvider time, IOptions<ControllerOptions> options, ILogger<GarbageCollector> logger, Orchestration.Sdk.Diagnostics.OrchestrationMetrics? metrics = null)
    : Controller("garbage-collector", store, informers, time, options.Value, logger, metrics)
{
    // Every owner reference, not only the controller's (the built-in owner index): any owner keeps a dependent alive.
    private const string OwnerReferenceIndex = "garbage-collector/owner-references";

    private readonly ISharedInformer<Resource>[] _dependents = [.. store.Kinds.All.Where(k => k.GarbageCollected).Select(k => DependentInformer(informers, k.Kind))];

    /// <summary>
    /// Owners being deleted, and every kind that can be a dependent (its change enqueues its owners); any other kind's
    /// object enqueues itself when it is being deleted in the foreground.
    /// </summary>
    protected override IReadOnlyList<WatchSource> Sources { get; } = [.. SourcesOf(store)];

    private static IEnumerable<WatchSource> SourcesOf(ResourceStore store)
    {
        var self = new HashSet<string>(StringComparer.Ordinal) { Deployment.KindName, ReplicaSet.KindName, StatefulSets.StatefulSet.KindName };
        self.UnionWith([Job.KindName, CronJob.KindName]); // a deleted Job's pods, a deleted CronJob's Jobs
        self.UnionWith(store.Kinds.All.Where(k => k.GetType().IsGenericType && k.GetType().GetGenericTypeDefinition() == typeof(Kinds.Custom.CustomKindRule<>)).Select(k => k.Kind));
        foreach (var rule in store.Kinds.All)
        {
            if (self.Contains(rule.Kind))
            {
                yield return rule.GarbageCollected ? new WatchSource(rule.Kind, r => [r.Key, .. OwnerKeys(r)]) : WatchSource.Self(rule.Kind);
            }
            else if (rule.GarbageCollected)
            {
                yield return new WatchSource(rule.Kind, r => [.. OwnerKeys(r), .. ForegroundSelf(r)]);
            }
            else
            {
                yield return new WatchSource(rule.Kind, ForegroundSelf);
            }
        }
    }

    private static IEnumerable<ObjectKey> ForegroundSelf(Resource r) =>
        r.Metadata.DeletionTimestamp is not null && r.Metadata.Finalizers.Contains(WellKnownFinalizers.ForegroundDeletion) ? [r.Key] : [];

    protected override async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        foreach (var informer in _dependents)
        {
            await informer.WaitForSyncAsync(cancellationToken).ConfigureAwait(false);
        }

        return Reconcile(key);
    }

    private ReconcileResult Reconcile(ObjectKey key)
    {
        var owner = Store.Get<Resource>(key);
        if (owner is { Metadata.DeletionTimestamp: null })
        {
            return ReconcileResult.Done;
        }

        var foreground = owner is not null && owner.Metadata.Finalizers.Contains(WellKnownFinalizers.ForegroundDeletion);
        var now = Time.GetUtcNow();
        foreach (var cached in DependentsOf(key, owner))
        {
            // The cache may lag: decide on the stored dependent (as Kubernetes' GC reads the item live), which may have
            // been orphaned or have gained an owner meanwhile.
            var dependent = Store.Get<Resource>(cached.Key);
            if (dependent is null || dependent.Metadata.Uid != cached.Metadata.Uid ||
                !dependent.Metadata.OwnerReferences.Any(o => o.Kind == key.Kind && o.Name == key.Name && (owner is null || o.Uid == owner.Metadata.Uid)))
            {
                continue;
            }

            if (!AllOwnersGone(dependent))
            {
                if (foreground)
                {
                    // Another owner still holds it: it stays, no longer blocking this owner (as Kubernetes' GC).
                    Store.Orphan(dependent, owner!);
                }

                continue;
            }

            LogCollecting(Logger, dependent.ToString(), key.ToString());
            try
            {
                // A foreground owner's dependents go in the foreground too, so a Deployment waits for its pods.
                Store.Delete(dependent.Key, foreground ? DeletionPropagation.Foreground : DeletionPropagation.Background, null, now);
            }
            catch (NotFoundException)
            {
            }
        }

        if (foreground && !DependentsOf(key, owner).Any(d => d.Metadata.OwnerReferences.Any(o => o.Uid == owner!.Metadata.Uid && o.Controller)))
        {
            // Every blocking dependent is gone: drop the finalizer, and the owner with it when it was the last one.
            var finalizers = owner!.Metadata.Finalizers.Where(f => f != WellKnownFinalizers.ForegroundDeletion).ToList();
            LogForegroundDone(Logger, key.ToString());
            try
            {
                if (finalizers.Count == 0)
                {
                    Store.Delete(key, owner.Metadata.ResourceVersion);
                }
                else
                {
                    Store.Update(owner.WithMetadata(owner.Metadata with { Finalizers = finalizers }));
                }
            }
            catch (NotFoundException)
            {
            }
        }

        return ReconcileResult.Done;
    }

    /// <summary>The objects naming <paramref name="key"/> as an owner (by uid while the owner is still stored).</summary>
    /// <remarks>
    /// Read from the informer caches, which may lag the store: a dependent not cached yet enqueues this owner when its
    /// add reaches the cache, and one deleted here but still cached enqueues it again when its delete does.
    /// </remarks>
    private List<Resource> DependentsOf(ObjectKey key, Resource? owner) => [.. _dependents.SelectMany(informer => informer.ByIndex(OwnerReferenceIndex, OwnerReferenceValue(key.Namespace, key.Kind, key.Name)))
        .Where(r => r.Metadata.OwnerReferences.Any(o => o.Kind == key.Kind && o.Name == key.Name && (owner is null || o.Uid == owner.Metadata.Uid)))];

    /// <summary>Whether every owner of a dependent is gone, or being deleted in the foreground (waiting for its dependents).</summary>
    private bool AllOwnersGone(Resource dependent) => dependent.Metadata.OwnerReferences.All(o =>
        Store.Get<Resource>(new ObjectKey(o.Kind, dependent.Metadata.Namespace, o.Name)) is not { } owner || owner.Metadata.Uid != o.Uid ||
        (owner.Metadata.DeletionTimestamp is not null && owner.Metadata.Finalizers.Contains(WellKnownFinalizers.ForegroundDeletion)));

    /// <summary>The dependent kind's shared informer, with the index by every owner reference (added once per informer).</summary>
    private static ISharedInformer<Resource> DependentInformer(ISharedInformerFactory informers, string kind)
    {
        var informer = informers.ForKind(kind);
        try
        {
            Func<Resource, IEnumerable<string>> index = r => r.Metadata.OwnerReferences.Select(o => OwnerReferenceValue(r.Metadata.Namespace, o.Kind, o.Name));
            if (informer is SharedInformer shared)
            {
                shared.AddIndex(OwnerReferenceIndex, index, InformerIndexes.SameOwnerReferences);
            }
            else
            {
                informer.AddIndex(OwnerReferenceIndex, index);
            }
        }
        catch (ArgumentException)
        {
            // Another collector over the same factory added the same index already.
        }

        return informer;
    }

    private static string OwnerReferenceValue(string ns, string kind, string name) => $"{ns}/{kind}/{name}";

    private static IEnumerable<ObjectKey> OwnerKeys(Resource r) =>
        r.Metadata.OwnerReferences.Select(o => new ObjectKey(o.Kind, r.Metadata.Namespace, o.Name));

    [LoggerMessage(EventId = 1501, Level = LogLevel.Information, Message = "Garbage collecting {Dependent}: its owner {Owner} is gone")]
    private static partial void LogCollecting(ILogger logger, string dependent, string owner);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Information, Message = "Foreground deletion of {Owner}: its blocking dependents are gone, removing it")]
    private static partial void LogForegroundDone(ILogger logger, string owner);
}
