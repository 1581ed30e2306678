using k8s.Models;
using Orchestration.Sdk.Model;
using static Orchestration.Sdk.Kubernetes.Wire.MetaMapper;

namespace Orchestration.Sdk.Kubernetes.Wire;

/// <summary>Maps Nodes and the fixed Namespaces (core/v1).</summary>
internal static class NodeMapper
{
    /// <summary>What <c>kubectl get nodes</c> shows in its VERSION column.</summary>
    public const string KubeletVersion = "v1.32.0-orchestration";

    public static V1Node ToWire(Node n) => new()
    {
        ApiVersion = "v1",
        Kind = Node.KindName,
        Metadata = MetaMapper.ToWire(n.Metadata, namespaced: false),
        Spec = new V1NodeSpec
        {
            Taints = List(n.Spec.Taints.Select(t => new V1Taint { Effect = t.Effect.ToString(), Key = t.Key, Value = Empty(t.Value) })),
            Unschedulable = n.Spec.Unschedulable ? true : null,
        },
        Status = new V1NodeStatus
        {
            Capacity = Resources(n.Status.Capacity),
            Allocatable = Resources(n.Status.Allocatable),
            Conditions = List(n.Status.Conditions.Select(c => new V1NodeCondition { Status = c.Status, Type = c.Type, LastHeartbeatTime = Time(c.LastUpdateTime == default ? c.LastTransitionTime : c.LastUpdateTime), LastTransitionTime = Time(c.LastTransitionTime), Message = c.Message, Reason = c.Reason })),
            Addresses = n.Status.Address is { } ip ? [new V1NodeAddress { Address = ip, Type = "InternalIP" }, new V1NodeAddress { Address = n.Metadata.Name, Type = "Hostname" }] : null,
            NodeInfo = new V1NodeSystemInfo { Architecture = "amd64", BootID = string.Empty, ContainerRuntimeVersion = "orchestration://1.0", KernelVersion = string.Empty, KubeProxyVersion = KubeletVersion, KubeletVersion = KubeletVersion, MachineID = string.Empty, OperatingSystem = "linux", OsImage = "Orchestration.Sdk", SystemUUID = string.Empty },
        },
    };

    public static Node FromWire(V1Node n) => new()
    {
        Metadata = MetaMapper.FromWire(n.Metadata, namespaced: false),
        Spec = new NodeSpec
        {
            Taints = n.Spec?.Taints?.Select(t => new Taint(t.Key, t.Value ?? string.Empty, Enum(t.Effect, TaintEffect.NoSchedule))).ToList() ?? [],
            Unschedulable = n.Spec?.Unschedulable ?? false,
        },
        Status = n.Status is not { } s ? new NodeStatus() : new NodeStatus
        {
            Capacity = Resources(s.Capacity),
            Allocatable = Resources(s.Allocatable),
            Conditions = s.Conditions?.Select(c => Condition(c.Type, c.Status, c.Reason, c.Message, c.LastTransitionTime, c.LastHeartbeatTime)).ToList() ?? [],
            Address = s.Addresses?.FirstOrDefault(a => a.Type == "InternalIP")?.Address,
        },
    };

    public static V1Namespace Namespace(string name, DateTimeOffset created) => new()
    {
        ApiVersion = "v1",
        Kind = "Namespace",
        Metadata = new V1ObjectMeta
        {
            Name = name,
            Uid = $"namespace-{name}",
            ResourceVersion = "1",
            CreationTimestamp = created.UtcDateTime,
            Labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["kubernetes.io/metadata.name"] = name },
        },
        Spec = new V1NamespaceSpec { Finalizers = ["kubernetes"] },
        Status = new V1NamespaceStatus { Phase = "Active" },
    };

    private static Dictionary<string, ResourceQuantity> Resources(NodeResources r) => new(StringComparer.Ordinal)
    {
        ["cpu"] = Quantity(r.Cpu),
        ["memory"] = Quantity(r.Memory),
        ["pods"] = new ResourceQuantity(r.Pods.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    };

    private static NodeResources Resources(IDictionary<string, ResourceQuantity>? map) => new()
    {
        Cpu = map is not null && map.TryGetValue("cpu", out var cpu) ? Quantity(cpu) : Model.Quantity.Zero,
        Memory = map is not null && map.TryGetValue("memory", out var memory) ? Quantity(memory) : Model.Quantity.Zero,
        Pods = map is not null && map.TryGetValue("pods", out var pods) ? (int)Quantity(pods).IntegerValue : 110,
    };
}
