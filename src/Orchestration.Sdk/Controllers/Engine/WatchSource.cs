using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Controllers.Engine;

/// <summary>A kind a controller watches, and how a changed object maps to the keys to reconcile.</summary>
/// <param name="Kind">The watched kind.</param>
/// <param name="Map">The keys to reconcile when an object of the kind changes.</param>
internal sealed record WatchSource(string Kind, Func<Resource, IEnumerable<ObjectKey>> Map)
{
    /// <summary>Reconcile the object itself.</summary>
    public static WatchSource Self(string kind) => new(kind, r => [r.Key]);

    /// <summary>Reconcile the object's controlling owner of <paramref name="ownerKind"/>.</summary>
    public static WatchSource Owner(string kind, string ownerKind) => new(kind, r =>
        r.Metadata.Controller is { } o && o.Kind == ownerKind ? [new ObjectKey(ownerKind, r.Metadata.Namespace, o.Name)] : []);
}
