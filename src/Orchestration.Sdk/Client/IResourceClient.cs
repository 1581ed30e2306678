using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Client;

/// <summary>
/// The low-level client of every verb over the store, as client-go's typed and dynamic clients: what controllers,
/// extensions and the HTTP API use. Writes are optimistic: an update whose resourceVersion is not the stored one is a
/// <see cref="ConflictException"/>. Each verb exists generically and over <see cref="Resource"/> by kind name or
/// <see cref="ObjectKey"/>, so arbitrary kinds can be served. <see cref="IOrchestrationClient"/> builds the kubectl
/// verbs (apply, scale, graceful pod delete) on top. Registered by <c>AddOrchestration</c>.
/// </summary>
public interface IResourceClient
{
    /// <summary>Gets an object, or null when it does not exist.</summary>
    /// <typeparam name="T">The object type (<see cref="Resource"/> for any kind).</typeparam>
    /// <param name="key">The object's key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<T?> GetAsync<T>(ObjectKey key, CancellationToken cancellationToken = default)
        where T : Resource;

    /// <summary>Lists a kind, with the store version the list was taken at (watch from it to miss nothing).</summary>
    /// <typeparam name="T">A concrete object type.</typeparam>
    /// <param name="namespace">Only this namespace. <value>The default value is null (all namespaces).</value></param>
    /// <param name="selector">Only objects whose labels match. <value>The default value is null (all).</value></param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<ListResult<T>> ListAsync<T>(string? @namespace = null, LabelSelector? selector = null, CancellationToken cancellationToken = default)
        where T : Resource;

    /// <summary>Lists a kind by name, with the store version the list was taken at.</summary>
    /// <param name="kind">The kind name ("Pod").</param>
    /// <param name="namespace">Only this namespace. <value>The default value is null (all namespaces).</value></param>
    /// <param name="selector">Only objects whose labels match. <value>The default value is null (all).</value></param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<ListResult<Resource>> ListAsync(string kind, string? @namespace = null, LabelSelector? selector = null, CancellationToken cancellationToken = default);

    /// <summary>Creates an object; the store assigns uid, resourceVersion, generation 1 and the creation time.</summary>
    /// <typeparam name="T">The object type (<see cref="Resource"/> for any kind).</typeparam>
    /// <param name="obj">The object.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored object.</returns>
    /// <exception cref="AlreadyExistsException">An object with this key exists.</exception>
    Task<T> CreateAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : Resource;

    /// <summary>Writes spec and metadata (the stored status is kept); the generation grows when the spec changed.</summary>
    /// <typeparam name="T">The object type (<see cref="Resource"/> for any kind).</typeparam>
    /// <param name="obj">The object, carrying the resourceVersion it was read at.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored object.</returns>
    /// <exception cref="ConflictException">The object changed since it was read.</exception>
    /// <exception cref="NotFoundException">The object does not exist.</exception>
    Task<T> UpdateAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : Resource;

    /// <summary>Writes the status only (the status subresource); spec and metadata are kept as stored.</summary>
    /// <typeparam name="T">The object type (<see cref="Resource"/> for any kind).</typeparam>
    /// <param name="obj">The object, carrying the resourceVersion it was read at.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored object.</returns>
    /// <exception cref="ConflictException">The object changed since it was read.</exception>
    /// <exception cref="NotFoundException">The object does not exist.</exception>
    Task<T> UpdateStatusAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : Resource;

    /// <summary>
    /// A typed read-modify-write: reads the current object, applies <paramref name="change"/> and writes the result,
    /// reading again and re-applying on a conflict. When <paramref name="change"/> returns the same instance nothing is
    /// written. <paramref name="change"/> may run several times; it must only compute.
    /// </summary>
    /// <typeparam name="T">The object type (<see cref="Resource"/> for any kind).</typeparam>
    /// <param name="key">The object's key.</param>
    /// <param name="change">Computes the new object from the current one.</param>
    /// <param name="status">Write the status only (spec and metadata are kept). <value>The default value is false.</value></param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored object, or null when it does not exist (or stopped existing).</returns>
    /// <exception cref="ConflictException">Still conflicting after 16 attempts.</exception>
    Task<T?> PatchAsync<T>(ObjectKey key, Func<T, T> change, bool status = false, CancellationToken cancellationToken = default)
        where T : Resource;

    /// <summary>Removes an object at once (no grace period; see <see cref="DeleteAsync(ObjectKey, DeletionPropagation, long?, CancellationToken)"/> for the graceful pod delete).</summary>
    /// <param name="key">The object's key.</param>
    /// <param name="resourceVersion">A precondition: delete only if the stored object is at this version. <value>The default value is null (no precondition).</value></param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The object's last state.</returns>
    /// <exception cref="NotFoundException">The object does not exist.</exception>
    /// <exception cref="ConflictException">The stored object is at another version than <paramref name="resourceVersion"/>.</exception>
    Task<Resource> DeleteAsync(ObjectKey key, long? resourceVersion = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes an object as kube-apiserver's DELETE does: a bound pod gracefully (a deletion timestamp, then its node agent
    /// stops the containers and removes it), and the dependents as <paramref name="propagation"/> says. An object already
    /// being deleted is returned as it is.
    /// </summary>
    /// <param name="key">The object's key.</param>
    /// <param name="propagation">What happens to the object's dependents.</param>
    /// <param name="resourceVersion">A precondition: delete only if the stored object is at this version. <value>The default value is null (no precondition).</value></param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The object after the call: terminating (a bound pod, a foreground deletion) or its last state.</returns>
    /// <exception cref="NotFoundException">The object does not exist.</exception>
    /// <exception cref="ConflictException">The stored object is at another version than <paramref name="resourceVersion"/>.</exception>
    Task<Resource> DeleteAsync(ObjectKey key, DeletionPropagation propagation, long? resourceVersion = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Watches a kind with typed events. From a version, changes after it are replayed first. The stream ends with one
    /// <see cref="WatchEventType.Expired"/> event when it cannot continue (list and watch again); it never skips silently.
    /// </summary>
    /// <typeparam name="T">A concrete object type.</typeparam>
    /// <param name="fromVersion">Resume after this version. <value>The default value is null (changes from now on).</value></param>
    /// <param name="cancellationToken">Ends the watch.</param>
    IAsyncEnumerable<WatchEvent<T>> WatchAsync<T>(long? fromVersion = null, CancellationToken cancellationToken = default)
        where T : Resource;

    /// <summary>Watches a kind by name, as <see cref="WatchAsync{T}"/>.</summary>
    /// <param name="kind">The kind name ("Pod").</param>
    /// <param name="fromVersion">Resume after this version. <value>The default value is null (changes from now on).</value></param>
    /// <param name="cancellationToken">Ends the watch.</param>
    IAsyncEnumerable<WatchEvent> WatchAsync(string kind, long? fromVersion = null, CancellationToken cancellationToken = default);
}
