using Orchestration.Sdk.Controllers.Deployments;
using Orchestration.Sdk.Informers;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Client;

/// <summary>The rollout verbs over the store; waiting wakes on the shared Deployment informer's changes of the deployment.</summary>
internal sealed class RolloutClient(ResourceStore store, ISharedInformerFactory informers) : IRolloutClient
{
    public Task<RolloutStatus> GetStatusAsync(string deployment, string? @namespace = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(StatusOf(Get(deployment, @namespace)));

    public async Task<RolloutStatus> WaitAsync(string deployment, IProgress<RolloutStatus>? progress = null, string? @namespace = null, CancellationToken cancellationToken = default)
    {
        string? last = null;
        var ns = @namespace ?? "default";
        using var changes = new InformerChangeSignal().Follow(informers.For<Deployment>(), d => d.Metadata.Name == deployment && d.Metadata.Namespace == ns);
        while (true)
        {
            var status = StatusOf(Get(deployment, @namespace));
            if (status.Message != last)
            {
                progress?.Report(status);
                last = status.Message;
            }

            if (status.IsFailed)
            {
                throw new OrchestrationException(status.Message);
            }

            if (status.IsComplete)
            {
                return status;
            }

            await changes.WaitAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<IReadOnlyList<RolloutRevision>> GetHistoryAsync(string deployment, string? @namespace = null, CancellationToken cancellationToken = default)
    {
        var d = Get(deployment, @namespace);
        IReadOnlyList<RolloutRevision> history = Owned(d)
            .OrderByDescending(Revisions.Of)
            .Select(r => new RolloutRevision(Revisions.Of(r), r.Metadata.Name, r.Spec.Template.Spec.Containers.Select(c => c.Image).ToList(), r.Spec.Replicas))
            .ToList();
        return Task.FromResult(history);
    }

    public Task<long> UndoAsync(string deployment, long? toRevision = null, string? @namespace = null, CancellationToken cancellationToken = default)
    {
        var d = Get(deployment, @namespace);
        var owned = Owned(d);
        var current = Revisions.Running(owned, d.Spec.Template);
        ReplicaSet? target;
        if (toRevision is { } wanted)
        {
            target = owned.FirstOrDefault(r => Revisions.Of(r) == wanted)
                ?? throw new NotFoundException(d.Key, $"unable to find specified revision {wanted} in history");
        }
        else
        {
            target = (current is null ? owned.OrderByDescending(Revisions.Of).FirstOrDefault() : Revisions.Previous(owned, current))
                ?? throw new NotFoundException(d.Key, $"no rollout history found for deployment \"{deployment}\"");
        }

        store.Mutate<Deployment>(d.Key, x => x with { Spec = x.Spec with { Template = Revisions.TemplateOf(target) } });
        return Task.FromResult(Revisions.Of(target));
    }

    public Task PauseAsync(string deployment, string? @namespace = null, CancellationToken cancellationToken = default) => SetPaused(deployment, @namespace, true);

    public Task ResumeAsync(string deployment, string? @namespace = null, CancellationToken cancellationToken = default) => SetPaused(deployment, @namespace, false);

    /// <summary>kubectl's rollout status logic (DeploymentStatusViewer).</summary>
    internal static RolloutStatus StatusOf(Deployment d)
    {
        var name = d.Metadata.Name;
        if (d.Status.ObservedGeneration < d.Metadata.Generation)
        {
            return new(false, false, "Waiting for deployment spec update to be observed...");
        }

        if (d.Status.Conditions.Find(DeploymentConditionType.Progressing) is { Reason: "ProgressDeadlineExceeded" })
        {
            return new(false, true, $"deployment \"{name}\" exceeded its progress deadline");
        }

        var s = d.Status;
        var replicas = d.Spec.Replicas;
        if (s.UpdatedReplicas < replicas)
        {
            return new(false, false, $"Waiting for deployment \"{name}\" rollout to finish: {s.UpdatedReplicas} out of {replicas} new replicas have been updated...");
        }

        if (s.Replicas > s.UpdatedReplicas)
        {
            return new(false, false, $"Waiting for deployment \"{name}\" rollout to finish: {s.Replicas - s.UpdatedReplicas} old replicas are pending termination...");
        }

        if (s.AvailableReplicas < s.UpdatedReplicas)
        {
            return new(false, false, $"Waiting for deployment \"{name}\" rollout to finish: {s.AvailableReplicas} of {s.UpdatedReplicas} updated replicas are available...");
        }

        return new(true, false, $"deployment \"{name}\" successfully rolled out");
    }

    private Task SetPaused(string deployment, string? ns, bool paused)
    {
        var d = Get(deployment, ns);
        store.Mutate<Deployment>(d.Key, x => x.Spec.Paused == paused ? x : x with { Spec = x.Spec with { Paused = paused } });
        return Task.CompletedTask;
    }

    private Deployment Get(string name, string? ns)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var key = new ObjectKey(Deployment.KindName, ns ?? "default", name);
        return store.Get<Deployment>(key) ?? throw new NotFoundException(key, $"deployments \"{name}\" not found");
    }

    private List<ReplicaSet> Owned(Deployment d) =>
        store.List<ReplicaSet>(ReplicaSet.KindName, d.Metadata.Namespace, filter: r => r.Metadata.Controller?.Uid == d.Metadata.Uid).Items.ToList();
}
