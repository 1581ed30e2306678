using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Informers;

/// <summary>
/// Hands out one shared informer per kind, as client-go's SharedInformerFactory. Registered by <c>AddOrchestration</c>;
/// the orchestrator starts it before its components and stops it after them. An informer asked for while the factory
/// runs starts at once; one asked for earlier starts with the factory.
/// </summary>
public interface ISharedInformerFactory
{
    /// <summary>The informer of <typeparamref name="T"/>'s kind (created on first use, then shared).</summary>
    /// <typeparam name="T">A concrete resource type.</typeparam>
    ISharedInformer<T> For<T>()
        where T : Resource;

    /// <summary>The informer of a kind by name, over <see cref="Resource"/>; the same cache as <see cref="For{T}"/> of that kind.</summary>
    /// <param name="kind">The kind name ("Pod").</param>
    ISharedInformer<Resource> ForKind(string kind);

    /// <summary>Completes once every informer created so far has synced.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task WaitForCacheSyncAsync(CancellationToken cancellationToken);
}
