using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orchestration.Sdk.Controllers;
using Orchestration.Sdk.Controllers.Deployments;
using Orchestration.Sdk.Controllers.GarbageCollection;
using Orchestration.Sdk.Controllers.ReplicaSets;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;
using Orchestration.Sdk.Controllers.Engine;
using Orchestration.Sdk.Informers;
using Orchestration.Sdk.Tests.Fixtures;

namespace Orchestration.Sdk.Tests.Controllers;

/// <summary>Runs the deployment, ReplicaSet and garbage-collection controllers over a store, without scheduler or nodes.</summary>
internal sealed class ControllerHarness : IAsyncDisposable
{
    private readonly HarnessFixture _fixture;

    public ControllerHarness(TimeProvider? time = null)
    {
        _fixture = new HarnessFixture(time ?? TimeProvider.System);
        var options = Options.Create(new ControllerOptions());
        _fixture.Run(new DeploymentController(Store, Informers, Time, options, NullLogger<DeploymentController>.Instance).RunAsync);
        _fixture.Run(new ReplicaSetController(Store, Informers, Time, options, NullLogger<ReplicaSetController>.Instance).RunAsync);
        _fixture.Run(new GarbageCollector(Store, Informers, Time, options, NullLogger<GarbageCollector>.Instance).RunAsync);
    }

    public ResourceStore Store => _fixture.Store;

    public SharedInformerFactory Informers => _fixture.Informers;

    public TimeProvider Time => _fixture.Time;

    public static Deployment NewDeployment(string name, int replicas, string image = "web:1") => new()
    {
        Metadata = new ObjectMeta { Name = name },
        Spec = new DeploymentSpec
        {
            Replicas = replicas,
            Selector = LabelSelector.Of(new Dictionary<string, string> { ["app"] = name }),
            Template = new PodTemplateSpec
            {
                Labels = new Dictionary<string, string> { ["app"] = name },
                Spec = new PodSpec { Containers = [new Container { Name = name, Image = image }] },
            },
        },
    };

    public IReadOnlyList<Pod> Pods(string app) =>
        Store.List<Pod>(Pod.KindName, "default", LabelSelector.Of(new Dictionary<string, string> { ["app"] = app })).Items;

    public Task WaitUntil(string what, Func<bool> condition) => _fixture.WaitUntilAsync(what, condition, Describe);

    /// <summary>Every deployment, ReplicaSet and pod with its owners and deletion state, for timeout messages.</summary>
    public string Describe() => string.Join('\n',
        Store.List<Deployment>(Deployment.KindName).Items.Select(d => $"  deployment {d.Metadata.Name} uid={d.Metadata.Uid} deleting={d.Metadata.DeletionTimestamp is not null}")
            .Concat(Store.List<ReplicaSet>(ReplicaSet.KindName).Items.Select(r =>
                $"  replicaset {r.Metadata.Name} spec={r.Spec.Replicas} owners={string.Join(',', r.Metadata.OwnerReferences.Select(o => $"{o.Kind}/{o.Name}/{o.Uid}"))} rv={r.Metadata.ResourceVersion}"))
            .Concat(Store.List<Pod>(Pod.KindName).Items.Select(p =>
                $"  pod {p.Metadata.Name} node={p.Spec.NodeName} deleting={p.IsTerminating()} owners={string.Join(',', p.Metadata.OwnerReferences.Select(o => $"{o.Kind}/{o.Name}/{o.Uid}"))} rv={p.Metadata.ResourceVersion}")));

    /// <summary>Plays scheduler and node agent: binds every pending pod and marks it running and ready.</summary>
    public void MakeAllPodsReady(string node = "n1")
    {
        foreach (var pod in Store.List<Pod>(Pod.KindName).Items.Where(p => !p.IsTerminating() && !p.Status.IsReady))
        {
            var bound = Store.Mutate<Pod>(pod.Key, p => p.Spec.NodeName is null ? p with { Spec = p.Spec with { NodeName = node } } : p);
            Store.Mutate<Pod>(pod.Key, p => p with
            {
                Status = new PodStatus
                {
                    Phase = PodPhase.Running,
                    Conditions = [new Condition(PodConditionType.Ready, ConditionStatus.True)],
                },
            }, statusOnly: true);
            _ = bound;
        }
    }

    /// <summary>Plays the node agent: finishes graceful deletions.</summary>
    public void FinishTerminations()
    {
        foreach (var pod in Store.List<Pod>(Pod.KindName).Items.Where(p => p.IsTerminating()))
        {
            try
            {
                Store.Delete(pod.Key);
            }
            catch (NotFoundException)
            {
            }
        }
    }

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();
}
