using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Client;

/// <summary>
/// The imperative client (the kubectl verbs) for a running application and for tests. Registered by
/// <c>AddOrchestration</c>. Namespaced calls default to the "default" namespace.
/// </summary>
public interface IOrchestrationClient
{
    /// <summary>
    /// Creates the object, or updates its spec, labels and annotations if it exists (status is kept).
    /// Invalid objects are rejected with <see cref="Declaration.DeclarationValidationException"/> and nothing changes.
    /// </summary>
    /// <typeparam name="T">The object type.</typeparam>
    /// <param name="resource">The desired object.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored object.</returns>
    Task<T> ApplyAsync<T>(T resource, CancellationToken cancellationToken = default)
        where T : Resource;

    /// <summary>Validates a whole declaration, then applies each of its objects; an invalid declaration changes nothing.</summary>
    /// <param name="declaration">The declaration.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored objects.</returns>
    Task<IReadOnlyList<Resource>> ApplyAsync(AppDeclaration declaration, CancellationToken cancellationToken = default);

    /// <summary>Gets an object, or null when it does not exist.</summary>
    /// <typeparam name="T">The object type.</typeparam>
    /// <param name="name">The name.</param>
    /// <param name="namespace">The namespace. <value>The default value is "default" (ignored for cluster-scoped kinds).</value></param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<T?> GetAsync<T>(string name, string? @namespace = null, CancellationToken cancellationToken = default)
        where T : Resource;

    /// <summary>Lists objects of a kind, optionally by label selector.</summary>
    /// <typeparam name="T">The object type.</typeparam>
    /// <param name="selector">Labels to match. <value>The default value is null (all).</value></param>
    /// <param name="namespace">The namespace. <value>The default value is null (all namespaces).</value></param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<T>> ListAsync<T>(LabelSelector? selector = null, string? @namespace = null, CancellationToken cancellationToken = default)
        where T : Resource;

    /// <summary>
    /// Watches a kind. From a version, changes after it are replayed first. The stream ends with an
    /// <see cref="WatchEventType.Expired"/> event when it cannot continue (list and watch again); it never skips silently.
    /// </summary>
    /// <typeparam name="T">The object type.</typeparam>
    /// <param name="fromVersion">Resume after this version. <value>The default value is null (changes from now on).</value></param>
    /// <param name="cancellationToken">Ends the watch.</param>
    IAsyncEnumerable<WatchEvent> WatchAsync<T>(long? fromVersion = null, CancellationToken cancellationToken = default)
        where T : Resource;

    /// <summary>Sets a deployment's replica count.</summary>
    /// <param name="deployment">The deployment's name.</param>
    /// <param name="replicas">The new count, at least 0.</param>
    /// <param name="namespace">The namespace. <value>The default value is "default".</value></param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<Deployment> ScaleAsync(string deployment, int replicas, string? @namespace = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes an object. A bound pod is deleted gracefully (its containers get their grace period); owned objects are
    /// garbage collected (deleting a Deployment removes its ReplicaSets and Pods).
    /// </summary>
    /// <typeparam name="T">The object type.</typeparam>
    /// <param name="name">The name.</param>
    /// <param name="namespace">The namespace. <value>The default value is "default".</value></param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task DeleteAsync<T>(string name, string? @namespace = null, CancellationToken cancellationToken = default)
        where T : Resource;

    /// <summary>
    /// Deletes an object with a propagation policy, as <c>kubectl delete --cascade=background|foreground|orphan</c>.
    /// A bound pod is deleted gracefully.
    /// </summary>
    /// <typeparam name="T">The object type.</typeparam>
    /// <param name="name">The name.</param>
    /// <param name="propagation">What happens to the object's dependents.</param>
    /// <param name="namespace">The namespace. <value>The default value is "default".</value></param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task DeleteAsync<T>(string name, DeletionPropagation propagation, string? @namespace = null, CancellationToken cancellationToken = default)
        where T : Resource;

    /// <summary>Reads a container's output.</summary>
    /// <param name="pod">The pod's name.</param>
    /// <param name="container">The container. <value>The default value is null (the pod's first container).</value></param>
    /// <param name="previous">Read the previous instance, after a restart. <value>The default value is false.</value></param>
    /// <param name="namespace">The namespace. <value>The default value is "default".</value></param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<string> GetLogsAsync(string pod, string? container = null, bool previous = false, string? @namespace = null, CancellationToken cancellationToken = default);
}
