using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Autoscaling;
using Orchestration.Sdk.Controllers;
using Orchestration.Sdk.Informers;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;
using Orchestration.Sdk.Tests.Fixtures;
using Orchestration.Sdk.Controllers.Engine;

namespace Orchestration.Sdk.Tests.Autoscaling;

/// <summary>
/// The autoscaler controller over a store on a fake clock, synced by hand. It plays the deployment controller too:
/// <see cref="Converge"/> makes the deployment's pods match its replica count, all Running and Ready.
/// </summary>
internal sealed class AutoscalerHarness : IAsyncDisposable
{
    public const string App = "web";

    private readonly HarnessFixture _fixture;
    private int _podSeq;

    public AutoscalerHarness(int replicas = 3, string cpuRequest = "100m", IEnumerable<IMetricSource>? sources = null)
    {
        // Synced by hand (SyncAsync); the informers run, since the controller reads the pods from the Pod informer.
        _fixture = new HarnessFixture(Time);
        Events = new AutoscalerEvents(Options.Create(new AutoscalerOptions()));
        Controller = new HorizontalPodAutoscalerController(
            Store, _fixture.Informers, Time, Options.Create(new ControllerOptions()), Options.Create(new AutoscalerOptions()),
            new MetricEvaluator(Metrics, sources ?? []), Events, NullLogger<HorizontalPodAutoscalerController>.Instance);
        Store.Create(new Deployment
        {
            Metadata = new ObjectMeta { Name = App },
            Spec = new DeploymentSpec
            {
                Replicas = replicas,
                Selector = LabelSelector.Of(new Dictionary<string, string> { ["app"] = App }),
                Template = new PodTemplateSpec
                {
                    Labels = new Dictionary<string, string> { ["app"] = App },
                    Spec = new PodSpec
                    {
                        Containers = [new Container { Name = App, Image = "web:1", Resources = new ResourceRequirements { Requests = new ResourceList { Cpu = cpuRequest, Memory = "100Mi" } } }],
                    },
                },
            },
        });
        Converge();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public ResourceStore Store => _fixture.Store;

    public InMemoryMetrics Metrics { get; } = new();

    public AutoscalerEvents Events { get; }

    public HorizontalPodAutoscalerController Controller { get; }

    public int Replicas => Store.Get<Deployment>(new ObjectKey(Deployment.KindName, "default", App))!.Spec.Replicas;

    public HorizontalPodAutoscaler Hpa => Store.Get<HorizontalPodAutoscaler>(new ObjectKey(HorizontalPodAutoscaler.KindName, "default", App))!;

    public IReadOnlyList<Pod> Pods => Store.List<Pod>(Pod.KindName, "default").Items;

    public static HorizontalPodAutoscalerSpec CpuSpec(int min = 1, int max = 10, int target = 70) =>
        new() { ScaleTargetName = App, MinReplicas = min, MaxReplicas = max, Metrics = [new(MetricSourceType.Resource, MetricSpec.Cpu, MetricTarget.Utilization(target))] };

    public void CreateAutoscaler(HorizontalPodAutoscalerSpec spec) =>
        Store.Create(new HorizontalPodAutoscaler { Metadata = new ObjectMeta { Name = App }, Spec = spec });

    /// <summary>Creates or deletes pods until they match the deployment; new pods take <paramref name="cpu"/> usage when given.</summary>
    public void Converge(string? cpu = null)
    {
        var pods = Pods;
        for (var i = pods.Count; i < Replicas; i++)
        {
            var name = $"{App}-{++_podSeq}";
            Store.Create(new Pod
            {
                Metadata = new ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["app"] = App } },
                Spec = Store.Get<Deployment>(new ObjectKey(Deployment.KindName, "default", App))!.Spec.Template.Spec!,
                Status = new PodStatus { Phase = PodPhase.Running, Conditions = [new Condition(PodConditionType.Ready, ConditionStatus.True)] },
            });
            if (cpu is not null)
            {
                Metrics.SetUsage(name, cpu: cpu);
            }
        }

        foreach (var extra in pods.OrderByDescending(p => p.Metadata.Name, StringComparer.Ordinal).Take(Math.Max(0, pods.Count - Replicas)))
        {
            Store.Delete(extra.Key);
        }
    }

    /// <summary>Sets every pod's CPU usage.</summary>
    public void SetCpu(string cpu)
    {
        foreach (var pod in Pods)
        {
            Metrics.SetUsage(pod.Metadata.Name, cpu: cpu);
        }
    }

    /// <summary>One sync of the autoscaler, then the pods follow the new replica count with the same usage per pod.</summary>
    public async Task SyncAsync(string? cpuForNewPods = null)
    {
        await _fixture.InformerCaughtUpAsync<Pod>();
        await Controller.SyncAsync(Hpa.Key, CancellationToken.None);
        Converge(cpuForNewPods);
    }

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    /// <summary>Advances the clock by one sync period (15 s) and syncs.</summary>
    public async Task NextPeriodAsync(string? cpuForNewPods = null)
    {
        Time.Advance(TimeSpan.FromSeconds(15));
        await SyncAsync(cpuForNewPods);
    }
}
