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
/// </summary>
internal sealed partial class GarbageCollector(ResourceStore store, ISharedInformerFactory informers, TimeProvider time, IOptions<ControllerOptions> options, ILogger<GarbageCollector> logger)
    : Controller("garbage-collector", store, informers, time, options.Value, logger)
{
    private readonly string[] _dependentKinds = [.. store.Kinds.All.Where(k => k.GarbageCollected).Select(k => k.Kind)];

    /// <summary>
    /// Owners being deleted, and every kind that can be a dependent (its change enqueues its owners); any other kind's
    /// object enqueues itself when it is being deleted in the foreground.
    /// </summary>
    protected override IReadOnlyList<WatchSource> Sources { get; } = [.. SourcesOf(store)];

    private static IEnumerable<WatchSource> SourcesOf(ResourceStore store)
    {
        var self = new HashSet<string>(StringComparer.Ordinal) { Deployment.KindName, ReplicaSet.KindName };
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

    protected override Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var owner = Store.Get<Resource>(key);
        if (owner is { Metadata.DeletionTimestamp: null })
        {
            return Task.FromResult(ReconcileResult.Done);
        }

        var foreground = owner is not null && owner.Metadata.Finalizers.Contains(WellKnownFinalizers.ForegroundDeletion);
        var now = Time.GetUtcNow();
        foreach (var dependent in DependentsOf(key, owner))
        {
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

        return Task.FromResult(ReconcileResult.Done);
    }

    /// <summary>The objects naming <paramref name="key"/> as an owner (by uid while the owner is still stored).</summary>
    private List<Resource> DependentsOf(ObjectKey key, Resource? owner) => [.. _dependentKinds.SelectMany(kind => Store.List<Resource>(kind, key.Namespace, filter: r =>
        r.Metadata.OwnerReferences.Any(o => o.Kind == key.Kind && o.Name == key.Name && (owner is null || o.Uid == owner.Metadata.Uid))).Items)];

    /// <summary>Whether every owner of a dependent is gone, or being deleted in the foreground (waiting for its dependents).</summary>
    private bool AllOwnersGone(Resource dependent) => dependent.Metadata.OwnerReferences.All(o =>
        Store.Get<Resource>(new ObjectKey(o.Kind, dependent.Metadata.Namespace, o.Name)) is not { } owner || owner.Metadata.Uid != o.Uid ||
        (owner.Metadata.DeletionTimestamp is not null && owner.Metadata.Finalizers.Contains(WellKnownFinalizers.ForegroundDeletion)));

    private static IEnumerable<ObjectKey> OwnerKeys(Resource r) =>
        r.Metadata.OwnerReferences.Select(o => new ObjectKey(o.Kind, r.Metadata.Namespace, o.Name));

    [LoggerMessage(Level = LogLevel.Information, Message = "Garbage collecting {Dependent}: its owner {Owner} is gone")]
    private static partial void LogCollecting(ILogger logger, string dependent, string owner);

    [LoggerMessage(Level = LogLevel.Information, Message = "Foreground deletion of {Owner}: its blocking dependents are gone, removing it")]
    private static partial void LogForegroundDone(ILogger logger, string owner);
}
