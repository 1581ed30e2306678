using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Runtime.NodeAgents;

/// <summary>Registers a node object and posts its status (the kubelet's node status update).</summary>
internal static class NodeRegistration
{
    /// <summary>The label Kubernetes puts on every node: its host name.</summary>
    public const string HostnameLabel = "kubernetes.io/hostname";

    public static void Post(NodeAgent agent, RuntimeInfo info)
    {
        var now = agent.Time.GetUtcNow();
        var key = new ObjectKey(Node.KindName, string.Empty, agent.NodeName);
        var capacity = new NodeResources
        {
            Cpu = Quantity.FromMilli(info.CpuMilliCores),
            Memory = Quantity.FromBytes(info.MemoryBytes),
            Pods = agent.Node.MaxPods,
        };
        var ready = new Condition(NodeConditionType.Ready, ConditionStatus.True, "KubeletReady", "kubelet is posting ready status", now);
        NodeStatus Status(NodeStatus s) => s with
        {
            Capacity = capacity,
            Allocatable = capacity,
            Address = info.Address,
            LastHeartbeatTime = now,
            Conditions = s.Conditions.Set(ready),
        };

        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (agent.Store.Mutate<Node>(key, n => n with { Status = Status(n.Status) }, statusOnly: true) is not null)
            {
                return;
            }

            var labels = new Dictionary<string, string>(agent.Node.Labels, StringComparer.Ordinal);
            labels.TryAdd(HostnameLabel, agent.NodeName);
            try
            {
                agent.Store.Create(new Node
                {
                    Metadata = new ObjectMeta { Name = agent.NodeName, Namespace = string.Empty, Labels = labels },
                    Spec = new NodeSpec { Taints = agent.Node.Taints },
                    Status = Status(new NodeStatus()),
                });
                NodeAgentLog.NodeRegistered(agent.Logger, agent.NodeName, capacity.Cpu.ToString(), capacity.Memory.ToString(), capacity.Pods);
                return;
            }
            catch (AlreadyExistsException)
            {
                // registered meanwhile: update it
            }
        }
    }
}
