using System.Diagnostics.Metrics;
using Orchestration.Sdk.Autoscaling;
using Orchestration.Sdk.Informers;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Diagnostics;

/// <summary>
/// The cluster's state as OpenTelemetry's Kubernetes metrics (observable up-down counters, read from the shared
/// informers' caches when a reader collects): deployments' desired and available pods, autoscalers' current, desired,
/// min and max pods, pods per phase, container restarts and nodes' allocatable cpu and memory. Nothing is observed until
/// <see cref="Attach"/>, nor after <see cref="Detach"/>.
/// </summary>
internal sealed class ClusterStateInstruments
{
    public const string DeploymentDesiredName = "k8s.deployment.pod.desired";
    public const string DeploymentAvailableName = "k8s.deployment.pod.available";
    public const string HpaCurrentName = "k8s.hpa.pod.current";
    public const string HpaDesiredName = "k8s.hpa.pod.desired";
    public const string HpaMinName = "k8s.hpa.pod.min";
    public const string HpaMaxName = "k8s.hpa.pod.max";
    public const string PodPhaseName = "k8s.pod.status.phase";
    public const string ContainerRestartsName = "k8s.container.restart.count";
    public const string NodeCpuAllocatableName = "k8s.node.cpu.allocatable";
    public const string NodeMemoryAllocatableName = "k8s.node.memory.allocatable";

    private static readonly PodPhase[] Phases = Enum.GetValues<PodPhase>();

    private volatile Sources? _sources;

    public ClusterStateInstruments(Meter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        meter.CreateObservableUpDownCounter(DeploymentDesiredName, () => Deployments(d => d.Spec.Replicas), "{pod}", "Number of desired replica pods in this deployment.");
        meter.CreateObservableUpDownCounter(DeploymentAvailableName, () => Deployments(d => d.Status.AvailableReplicas), "{pod}", "Total number of available replica pods (ready for at least minReadySeconds) targeted by this deployment.");
        meter.CreateObservableUpDownCounter(HpaCurrentName, () => Autoscalers(h => h.Status.CurrentReplicas), "{pod}", "Current number of replica pods managed by this horizontal pod autoscaler, as last seen by the autoscaler.");
        meter.CreateObservableUpDownCounter(HpaDesiredName, () => Autoscalers(h => h.Status.DesiredReplicas), "{pod}", "Desired number of replica pods managed by this horizontal pod autoscaler, as last calculated by the autoscaler.");
        meter.CreateObservableUpDownCounter(HpaMinName, () => Autoscalers(h => h.Spec.MinReplicas), "{pod}", "The lower limit for the number of replica pods to which the autoscaler can scale down.");
        meter.CreateObservableUpDownCounter(HpaMaxName, () => Autoscalers(h => h.Spec.MaxReplicas), "{pod}", "The upper limit for the number of replica pods to which the autoscaler can scale up.");
        meter.CreateObservableUpDownCounter(PodPhaseName, PodPhases, "{pod}", "Describes number of K8s Pods that are currently in a given phase.");
        meter.CreateObservableUpDownCounter(ContainerRestartsName, ContainerRestarts, "{restart}", "Describes how many times the container has restarted (since the last counter reset).");
        meter.CreateObservableUpDownCounter(NodeCpuAllocatableName, () => Nodes(n => (double)n.Status.Allocatable.Cpu.Value), "{cpu}", "Amount of cpu allocatable on the node.");
        meter.CreateObservableUpDownCounter(NodeMemoryAllocatableName, () => Nodes(n => n.Status.Allocatable.Memory.IntegerValue), "By", "Amount of memory allocatable on the node.");
    }

    /// <summary>Starts observing the informers' caches.</summary>
    public void Attach(ISharedInformerFactory informers)
    {
        ArgumentNullException.ThrowIfNull(informers);
        _sources = new Sources(informers.For<Deployment>(), informers.For<HorizontalPodAutoscaler>(), informers.For<Pod>(), informers.For<Node>());
    }

    /// <summary>Stops observing (the cluster stopped).</summary>
    public void Detach() => _sources = null;

    private static KeyValuePair<string, object?> Namespace(Resource r) => new(K8sAttributes.NamespaceName, r.Metadata.Namespace);

    private IEnumerable<Measurement<int>> Deployments(Func<Deployment, int> value)
    {
        foreach (var d in _sources?.Deployments.List() ?? [])
        {
            yield return new(value(d), Namespace(d), new(K8sAttributes.DeploymentName, d.Metadata.Name), new(K8sAttributes.DeploymentUid, d.Metadata.Uid));
        }
    }

    private IEnumerable<Measurement<int>> Autoscalers(Func<HorizontalPodAutoscaler, int> value)
    {
        foreach (var h in _sources?.Autoscalers.List() ?? [])
        {
            yield return new(value(h), Namespace(h), new(K8sAttributes.HpaName, h.Metadata.Name), new(K8sAttributes.HpaUid, h.Metadata.Uid));
        }
    }

    /// <summary>Every phase per namespace, as the convention asks (only the current phase's count non-zero).</summary>
    private IEnumerable<Measurement<int>> PodPhases()
    {
        if (_sources is not { } sources)
        {
            yield break;
        }

        var counts = new Dictionary<(string Namespace, PodPhase Phase), int>();
        foreach (var pod in sources.Pods.List())
        {
            var key = (pod.Metadata.Namespace, pod.Status.Phase);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        foreach (var ns in counts.Keys.Select(k => k.Namespace).Distinct(StringComparer.Ordinal))
        {
            foreach (var phase in Phases)
            {
                yield return new(counts.GetValueOrDefault((ns, phase)), new(K8sAttributes.NamespaceName, ns), new(K8sAttributes.PodPhase, phase.ToString()));
            }
        }
    }

    private IEnumerable<Measurement<int>> ContainerRestarts()
    {
        foreach (var pod in _sources?.Pods.List() ?? [])
        {
            foreach (var c in pod.Status.ContainerStatuses)
            {
                yield return new(c.RestartCount, Namespace(pod), new(K8sAttributes.PodName, pod.Metadata.Name), new(K8sAttributes.PodUid, pod.Metadata.Uid), new(K8sAttributes.ContainerName, c.Name));
            }
        }
    }

    private IEnumerable<Measurement<T>> Nodes<T>(Func<Node, T> value)
        where T : struct
    {
        foreach (var n in _sources?.Nodes.List() ?? [])
        {
            yield return new(value(n), new KeyValuePair<string, object?>(K8sAttributes.NodeName, n.Metadata.Name), new(K8sAttributes.NodeUid, n.Metadata.Uid));
        }
    }

    private sealed record Sources(
        ISharedInformer<Deployment> Deployments, ISharedInformer<HorizontalPodAutoscaler> Autoscalers, ISharedInformer<Pod> Pods, ISharedInformer<Node> Nodes);
}
