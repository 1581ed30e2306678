using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Kubernetes.Discovery;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Kubernetes.Server;

/// <summary>
/// The one seam between the API and the SDK's store: every read, write and watch the API makes goes through here, with
/// the same validation as the in-process client. Temporary: it moves onto the core's public client once that lands.
/// </summary>
internal sealed class ApiStorage(ResourceStore store, TimeProvider time)
{
    public DateTimeOffset Now => time.GetUtcNow();

    public long Version => store.Version;

    public Resource? Get(ApiKind kind, string ns, string name) =>
        store.Get<Resource>(new ObjectKey(kind.Kind, kind.Namespaced ? ns : string.Empty, name));

    public ListResult<Resource> List(ApiKind kind, string? ns) => store.List<Resource>(kind.Kind, kind.Namespaced ? ns : null);

    public Resource Create(ApiKind kind, Resource resource)
    {
        Validate(kind, resource);
        try
        {
            return store.Create(resource);
        }
        catch (AlreadyExistsException)
        {
            throw ApiError.AlreadyExists(kind, resource.Metadata.Name);
        }
    }

    /// <summary>Replaces spec and metadata (PUT). An empty resourceVersion is an unconditional update, as Kubernetes allows.</summary>
    public Resource Update(ApiKind kind, Resource resource, bool statusOnly)
    {
        var current = Get(kind, resource.Metadata.Namespace, resource.Metadata.Name) ?? throw ApiError.NotFound(kind, resource.Metadata.Name);
        if (resource.Metadata.ResourceVersion == 0)
        {
            resource = resource.WithMetadata(resource.Metadata with { ResourceVersion = current.Metadata.ResourceVersion });
        }

        if (!statusOnly)
        {
            // The store keeps allocated fields (the kind rule's PrepareForUpdate) and validates again on write.
            Validate(kind, resource);
        }

        try
        {
            return statusOnly ? store.UpdateStatus(resource) : store.Update(resource);
        }
        catch (ConflictException)
        {
            throw ApiError.Conflict(kind, resource.Metadata.Name);
        }
        catch (NotFoundException)
        {
            throw ApiError.NotFound(kind, resource.Metadata.Name);
        }
    }

    /// <summary>
    /// Deletes an object. A bound pod is deleted gracefully; dependents are garbage collected in the background
    /// (Foreground is served as Background); <c>Orphan</c> first removes this owner from its dependents.
    /// </summary>
    public Resource Delete(ApiKind kind, string ns, string name, string? propagationPolicy, long? expectedVersion)
    {
        var current = Get(kind, ns, name) ?? throw ApiError.NotFound(kind, name);
        if (expectedVersion is { } v && v != current.Metadata.ResourceVersion)
        {
            throw ApiError.Conflict(kind, name);
        }

        if (propagationPolicy == "Orphan")
        {
            Orphan(current);
        }

        try
        {
            if (current is Pod pod && pod.Spec.NodeName is not null)
            {
                store.DeletePod(pod, time.GetUtcNow());
                return store.Get<Resource>(current.Key) ?? current;
            }

            return store.Delete(current.Key);
        }
        catch (NotFoundException)
        {
            throw ApiError.NotFound(kind, name);
        }
    }

    /// <summary>Sets the replicas of a Deployment or ReplicaSet (the scale subresource).</summary>
    public Resource Scale(ApiKind kind, string ns, string name, int replicas, long? expectedVersion)
    {
        var key = new ObjectKey(kind.Kind, ns, name);
        var autoscaler = store.List<Autoscaling.HorizontalPodAutoscaler>(Autoscaling.HorizontalPodAutoscaler.KindName, ns, filter: h => h.Spec.ScaleTargetName == name).Items.FirstOrDefault();
        if (autoscaler is not null && kind.Kind == Deployment.KindName)
        {
            throw new ApiError(409, "Conflict", $"deployment \"{name}\" is scaled by horizontal pod autoscaler \"{autoscaler.Metadata.Name}\"; change the autoscaler's min/max replicas instead");
        }

        var conflict = false;
        var scaled = store.Mutate<Resource>(key, r =>
        {
            if (expectedVersion is { } v && v != r.Metadata.ResourceVersion)
            {
                conflict = true;
                return r;
            }

            return r switch
            {
                Deployment d when d.Spec.Replicas != replicas => d with { Spec = d.Spec with { Replicas = replicas } },
                ReplicaSet rs when rs.Spec.Replicas != replicas => rs with { Spec = rs.Spec with { Replicas = replicas } },
                _ => r,
            };
        });
        return conflict ? throw ApiError.Conflict(kind, name) : scaled ?? throw ApiError.NotFound(kind, name);
    }

    public IAsyncEnumerable<WatchEvent> Watch(ApiKind kind, long? fromVersion, CancellationToken cancellationToken) =>
        store.Watch(kind.Kind, fromVersion, cancellationToken);

    private void Orphan(Resource owner)
    {
        foreach (var kind in ApiKinds.All.Where(k => k.Stored && k.Namespaced))
        {
            foreach (var dependent in store.List<Resource>(kind.Kind, owner.Metadata.Namespace, filter: r => r.Metadata.OwnerReferences.Any(o => o.Uid == owner.Metadata.Uid)).Items)
            {
                store.Mutate<Resource>(dependent.Key, r => r.WithMetadata(r.Metadata with
                {
                    OwnerReferences = r.Metadata.OwnerReferences.Where(o => o.Uid != owner.Metadata.Uid).ToList(),
                }));
            }
        }
    }

    /// <summary>Validates without writing, for <c>dryRun=All</c>; returns the object as given.</summary>
    public Resource Validated(ApiKind kind, Resource resource)
    {
        Validate(kind, resource);
        return resource;
    }

    private static void Validate(ApiKind kind, Resource resource)
    {
        var errors = ResourceValidator.Validate(resource);
        if (errors.Count > 0)
        {
            throw ApiError.Invalid(kind, resource.Metadata.Name, errors);
        }
    }
}
