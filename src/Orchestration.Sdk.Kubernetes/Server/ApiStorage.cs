using Orchestration.Sdk.Autoscaling;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Kinds;
using Orchestration.Sdk.Kubernetes.Discovery;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Kubernetes.Server;

/// <summary>
/// The one seam between the API and the SDK: every read, write and watch the API makes goes through the public
/// <see cref="IResourceClient"/>, validated by the kind's rule in the public <see cref="KindRegistry"/>, so the API and
/// in-process callers get the same behaviour. Client exceptions become Kubernetes' Status errors here.
/// </summary>
internal sealed class ApiStorage(IResourceClient client, KindRegistry kinds, TimeProvider time)
{
    public DateTimeOffset Now => time.GetUtcNow();

    public Task<Resource?> GetAsync(ApiKind kind, string ns, string name, CancellationToken cancellationToken) =>
        client.GetAsync<Resource>(new ObjectKey(kind.Kind, kind.Namespaced ? ns : string.Empty, name), cancellationToken);

    public Task<ListResult<Resource>> ListAsync(ApiKind kind, string? ns, CancellationToken cancellationToken) =>
        client.ListAsync(kind.Kind, kind.Namespaced ? ns : null, cancellationToken: cancellationToken);

    /// <summary>The store version now, for objects that are not stored (the fixed namespaces): the version of a list of nodes.</summary>
    public async Task<long> VersionAsync(CancellationToken cancellationToken) =>
        (await client.ListAsync(Node.KindName, cancellationToken: cancellationToken).ConfigureAwait(false)).ResourceVersion;

    public async Task<Resource> CreateAsync(ApiKind kind, Resource resource, CancellationToken cancellationToken)
    {
        Validate(kind, resource);
        try
        {
            return await client.CreateAsync(resource, cancellationToken).ConfigureAwait(false);
        }
        catch (AlreadyExistsException)
        {
            throw ApiError.AlreadyExists(kind, resource.Metadata.Name);
        }
        catch (DeclarationValidationException e)
        {
            throw ApiError.Invalid(kind, resource.Metadata.Name, e.Errors);
        }
    }

    /// <summary>Replaces spec and metadata (PUT). An empty resourceVersion is an unconditional update, as Kubernetes allows.</summary>
    public async Task<Resource> UpdateAsync(ApiKind kind, Resource resource, bool statusOnly, CancellationToken cancellationToken)
    {
        var current = await GetAsync(kind, resource.Metadata.Namespace, resource.Metadata.Name, cancellationToken).ConfigureAwait(false)
            ?? throw ApiError.NotFound(kind, resource.Metadata.Name);
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
            return statusOnly
                ? await client.UpdateStatusAsync(resource, cancellationToken).ConfigureAwait(false)
                : await client.UpdateAsync(resource, cancellationToken).ConfigureAwait(false);
        }
        catch (ConflictException)
        {
            throw ApiError.Conflict(kind, resource.Metadata.Name);
        }
        catch (NotFoundException)
        {
            throw ApiError.NotFound(kind, resource.Metadata.Name);
        }
        catch (DeclarationValidationException e)
        {
            throw ApiError.Invalid(kind, resource.Metadata.Name, e.Errors);
        }
    }

    /// <summary>
    /// Deletes an object as the client does: a bound pod gracefully; dependents as <paramref name="propagationPolicy"/>
    /// says (Background when absent; Foreground keeps the owner, with a finalizer, until its dependents are gone; Orphan
    /// removes this owner from its dependents).
    /// </summary>
    public async Task<Resource> DeleteAsync(ApiKind kind, string ns, string name, string? propagationPolicy, long? expectedVersion, CancellationToken cancellationToken)
    {
        var propagation = propagationPolicy switch
        {
            null or "" or "Background" => DeletionPropagation.Background,
            "Foreground" => DeletionPropagation.Foreground,
            "Orphan" => DeletionPropagation.Orphan,
            _ => throw ApiError.BadRequest($"DeleteOptions.propagationPolicy: Unsupported value: \"{propagationPolicy}\": supported values: \"Foreground\", \"Background\", \"Orphan\""),
        };
        try
        {
            return await client.DeleteAsync(new ObjectKey(kind.Kind, kind.Namespaced ? ns : string.Empty, name), propagation, expectedVersion, cancellationToken).ConfigureAwait(false);
        }
        catch (ConflictException)
        {
            throw ApiError.Conflict(kind, name);
        }
        catch (NotFoundException)
        {
            throw ApiError.NotFound(kind, name);
        }
    }

    /// <summary>Sets the replicas of a Deployment or ReplicaSet (the scale subresource).</summary>
    public async Task<Resource> ScaleAsync(ApiKind kind, string ns, string name, int replicas, long? expectedVersion, CancellationToken cancellationToken)
    {
        var key = new ObjectKey(kind.Kind, ns, name);
        var autoscalers = await client.ListAsync<HorizontalPodAutoscaler>(ns, cancellationToken: cancellationToken).ConfigureAwait(false);
        var autoscaler = autoscalers.Items.FirstOrDefault(h => h.Spec.ScaleTargetName == name);
        if (autoscaler is not null && kind.Kind == Deployment.KindName)
        {
            throw new ApiError(409, "Conflict", $"deployment \"{name}\" is scaled by horizontal pod autoscaler \"{autoscaler.Metadata.Name}\"; change the autoscaler's min/max replicas instead");
        }

        var conflict = false;
        var scaled = await client.PatchAsync<Resource>(key, r =>
        {
            if (expectedVersion is { } v && v != r.Metadata.ResourceVersion)
            {
                conflict = true;
                return r;
            }

            conflict = false;
            return r switch
            {
                Deployment d when d.Spec.Replicas != replicas => d with { Spec = d.Spec with { Replicas = replicas } },
                ReplicaSet rs when rs.Spec.Replicas != replicas => rs with { Spec = rs.Spec with { Replicas = replicas } },
                _ => r,
            };
        }, cancellationToken: cancellationToken).ConfigureAwait(false);
        return conflict ? throw ApiError.Conflict(kind, name) : scaled ?? throw ApiError.NotFound(kind, name);
    }

    public IAsyncEnumerable<WatchEvent> Watch(ApiKind kind, long? fromVersion, CancellationToken cancellationToken) =>
        client.WatchAsync(kind.Kind, fromVersion, cancellationToken);

    /// <summary>Validates without writing, for <c>dryRun=All</c>; returns the object as given.</summary>
    public Resource Validated(ApiKind kind, Resource resource)
    {
        Validate(kind, resource);
        return resource;
    }

    private void Validate(ApiKind kind, Resource resource)
    {
        var errors = kinds.Get(resource.Kind).ValidateCreate(resource);
        if (errors.Count > 0)
        {
            throw ApiError.Invalid(kind, resource.Metadata.Name, errors);
        }
    }
}
