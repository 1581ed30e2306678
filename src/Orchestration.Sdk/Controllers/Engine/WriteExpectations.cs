using System.Collections.Concurrent;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Controllers.Engine;

/// <summary>
/// Client-go's controller expectations by resourceVersion: per reconciled key, the version of the controller's last
/// write of a dependent kind. Until that kind's informer has applied it, the controller does not read the dependents
/// again (the write's own event brings the key back), so a lagging cache never makes it write twice.
/// </summary>
internal sealed class WriteExpectations
{
    private readonly ConcurrentDictionary<ObjectKey, long> _expected = new();

    /// <summary>Records a write of version <paramref name="resourceVersion"/> for <paramref name="key"/> (the highest one counts).</summary>
    public void Record(ObjectKey key, long resourceVersion) =>
        _expected.AddOrUpdate(key, resourceVersion, (_, old) => Math.Max(old, resourceVersion));

    /// <summary>Whether an informer whose last applied version is <paramref name="informerVersion"/> has seen the key's last write.</summary>
    public bool Satisfied(ObjectKey key, long informerVersion) =>
        !_expected.TryGetValue(key, out var expected) || informerVersion >= expected;

    /// <summary>Forgets the key (its object is gone).</summary>
    public void Forget(ObjectKey key) => _expected.TryRemove(key, out _);
}
