using System.Runtime.CompilerServices;
using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Store;
using Orchestration.Sdk.Runtime.NodeAgents;

namespace Orchestration.Sdk.Client;

/// <summary>The in-process client over the resource store.</summary>
internal sealed class OrchestrationClient(ResourceStore store, TimeProvider time, NodeAgentManager agents) : IOrchestrationClient
{
    private const string DefaultNamespace = "default";

    public Task<T> ApplyAsync<T>(T resource, CancellationToken cancellationToken = default)
        where T : Resource
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Task.FromResult(Apply(resource));
    }

    public Task<IReadOnlyList<Resource>> ApplyAsync(AppDeclaration declaration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        var resources = declaration.Build();
        using var activity = Diagnostics.OrchestrationActivities.StartApplyDeclaration(resources.Count);
        IReadOnlyList<Resource> applied = [];
        store.RunAtomically(() => applied = resources.Select(Apply).ToList()); // all of it or none
        return Task.FromResult(applied);
    }

    public Task<T?> GetAsync<T>(string name, string? @namespace = null, CancellationToken cancellationToken = default)
        where T : Resource
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return Task.FromResult(store.Get<T>(KeyOf<T>(name, @namespace)));
    }

    public Task<IReadOnlyList<T>> ListAsync<T>(LabelSelector? selector = null, string? @namespace = null, CancellationToken cancellationToken = default)
        where T : Resource =>
        Task.FromResult(store.List<T>(store.Kinds.Get<T>().Kind, @namespace, selector).Items);

    public async IAsyncEnumerable<WatchEvent> WatchAsync<T>(long? fromVersion = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : Resource
    {
        await foreach (var e in store.Watch(store.Kinds.Get<T>().Kind, fromVersion, cancellationToken).ConfigureAwait(false))
        {
            yield return e;
        }
    }

    public Task<Deployment> ScaleAsync(string deployment, int replicas, string? @namespace = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(deployment);
        var key = KeyOf<Deployment>(deployment, @namespace);

        var owner = store.List<Autoscaling.HorizontalPodAutoscaler>(Autoscaling.HorizontalPodAutoscaler.KindName, key.Namespace, filter: h => h.Spec.ScaleTargetName == deployment).Items.FirstOrDefault();
        if (owner is not null)
        {
            throw new OrchestrationException($"deployment \"{deployment}\" is scaled by horizontal pod autoscaler \"{owner.Metadata.Name}\"; change the autoscaler's min/max replicas instead");
        }

        var scaled = store.Mutate<Deployment>(key, d => d.Spec.Replicas == replicas ? d : d with { Spec = d.Spec with { Replicas = replicas } })
            ?? throw new NotFoundException(key, $"deployments \"{deployment}\" not found");
        return Task.FromResult(scaled);
    }

    public Task DeleteAsync<T>(string name, string? @namespace = null, CancellationToken cancellationToken = default)
        where T : Resource => DeleteAsync<T>(name, DeletionPropagation.Background, @namespace, cancellationToken);

    public Task DeleteAsync<T>(string name, DeletionPropagation propagation, string? @namespace = null, CancellationToken cancellationToken = default)
        where T : Resource
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        cancellationToken.ThrowIfCancellationRequested();
        store.Delete(KeyOf<T>(name, @namespace), propagation, null, time.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task<string> GetLogsAsync(string pod, string? container = null, bool previous = false, string? @namespace = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(pod);
        var key = KeyOf<Pod>(pod, @namespace);
        var found = store.Get<Pod>(key) ?? throw new NotFoundException(key, $"pods \"{pod}\" not found");
        return agents.GetLogsAsync(found, container, previous, cancellationToken);
    }

    private T Apply<T>(T resource)
        where T : Resource
    {
        using var activity = Diagnostics.OrchestrationActivities.StartApply(resource);
        for (var attempt = 0; ; attempt++)
        {
            var current = store.Get<T>(resource.Key);
            try
            {
                if (current is null)
                {
                    return store.Create(ThreeWayApply.ForCreate(resource, store.Kinds.Get(resource.Kind).JsonTypeInfo));
                }

                // Three-way, as kubectl apply: live changes to fields the declaration did not change are kept, and
                // the store's rule keeps what the system allocated (a service's cluster IP).
                var merged = ThreeWayApply.Merge(resource, current, store.Kinds.Get(resource.Kind).JsonTypeInfo);
                return store.Update(merged.Equals(current) ? merged : Diagnostics.TraceContextAnnotation.Stamp(merged));
            }
            catch (Exception ex) when (attempt < 8 && ex is ConflictException or AlreadyExistsException or NotFoundException)
            {
            }
        }
    }

    private ObjectKey KeyOf<T>(string name, string? ns)
        where T : Resource
    {
        var rule = store.Kinds.Get<T>();
        return new(rule.Kind, rule.Namespaced ? ns ?? DefaultNamespace : string.Empty, name);
    }
}
