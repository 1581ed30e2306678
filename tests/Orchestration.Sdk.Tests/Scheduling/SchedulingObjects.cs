using Orchestration.Sdk.Model;
using Orchestration.Sdk.Scheduling;

namespace Orchestration.Sdk.Tests.Scheduling;

/// <summary>Builds nodes and pods for the scheduler tests.</summary>
internal static class SchedulingObjects
{
    public static Node Node(
        string name,
        string cpu = "4",
        string memory = "8Gi",
        int pods = 110,
        string? ready = ConditionStatus.True,
        IReadOnlyDictionary<string, string>? labels = null,
        IReadOnlyList<Taint>? taints = null,
        bool unschedulable = false)
    {
        var allocatable = new NodeResources { Cpu = cpu, Memory = memory, Pods = pods };
        return new Node
        {
            Metadata = new ObjectMeta { Name = name, Namespace = string.Empty, Labels = labels ?? new Dictionary<string, string>() },
            Spec = new NodeSpec { Taints = taints ?? [], Unschedulable = unschedulable },
            Status = new NodeStatus
            {
                Capacity = allocatable,
                Allocatable = allocatable,
                Conditions = ready is null ? [] : [new Condition(NodeConditionType.Ready, ready)],
            },
        };
    }

    public static Pod Pod(
        string name,
        string? cpu = null,
        string? memory = null,
        string? owner = null,
        IReadOnlyList<Toleration>? tolerations = null,
        IReadOnlyDictionary<string, string>? nodeSelector = null,
        string? nodeName = null)
    {
        var requests = new ResourceList
        {
            Cpu = cpu is null ? (Quantity?)null : Quantity.Parse(cpu),
            Memory = memory is null ? (Quantity?)null : Quantity.Parse(memory),
        };
        return new Pod
        {
            Metadata = new ObjectMeta
            {
                Name = name,
                Uid = "uid-" + name,
                OwnerReferences = owner is null ? [] : [new OwnerReference("ReplicaSet", owner, "rs-uid-" + owner)],
            },
            Spec = new PodSpec
            {
                Containers = [new Container { Name = "main", Image = "app:1", Resources = new ResourceRequirements { Requests = requests } }],
                Tolerations = tolerations ?? [],
                NodeSelector = nodeSelector ?? new Dictionary<string, string>(),
                NodeName = nodeName,
            },
        };
    }

    public static PodInfo Info(Pod pod, int ownerId = PodInfo.NoOwner) => PodInfo.Create(pod, ownerId);

    public static Taint TaintOf(string key, string value, TaintEffect effect = TaintEffect.NoSchedule) => new(key, value, effect);

    public static Dictionary<string, string> Labels(params string[] pairs) =>
        pairs.Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
}
