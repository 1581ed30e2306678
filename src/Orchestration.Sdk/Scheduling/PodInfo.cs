using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Scheduling;

/// <summary>
/// A pod with what the scheduler needs precomputed once per spec: summed requests in integers (milli-cores, bytes),
/// the same with Kubernetes' non-zero defaults for scoring, and the interned id of its controller.
/// </summary>
internal sealed class PodInfo
{
    /// <summary>The CPU a container without a CPU request counts as when scoring (Kubernetes' DefaultMilliCPURequest).</summary>
    public const long DefaultMilliCpuRequest = 100;

    /// <summary>The memory a container without a memory request counts as when scoring (Kubernetes' DefaultMemoryRequest, 200 MiB).</summary>
    public const long DefaultMemoryRequest = 200L * 1024 * 1024;

    /// <summary>The owner id of a pod without a controller.</summary>
    public const int NoOwner = -1;

    private PodInfo(Pod pod, long milliCpu, long memory, long nonZeroMilliCpu, long nonZeroMemory, int ownerId)
    {
        Pod = pod;
        MilliCpu = milliCpu;
        Memory = memory;
        NonZeroMilliCpu = nonZeroMilliCpu;
        NonZeroMemory = nonZeroMemory;
        OwnerId = ownerId;
        HasNodeSelector = pod.Spec.NodeSelector.Count > 0;
        HasClaims = pod.Spec.Volumes.Any(v => v.PersistentVolumeClaim is not null);
    }

    public Pod Pod { get; }

    /// <summary>The summed CPU requests of the containers, in milli-cores (limits stand in for missing requests).</summary>
    public long MilliCpu { get; }

    /// <summary>The summed memory requests of the containers, in bytes.</summary>
    public long Memory { get; }

    /// <summary>Like <see cref="MilliCpu"/>, a container without a CPU request counting as <see cref="DefaultMilliCpuRequest"/>.</summary>
    public long NonZeroMilliCpu { get; }

    /// <summary>Like <see cref="Memory"/>, a container without a memory request counting as <see cref="DefaultMemoryRequest"/>.</summary>
    public long NonZeroMemory { get; }

    /// <summary>The interned id of the pod's controller (its ReplicaSet), or <see cref="NoOwner"/>.</summary>
    public int OwnerId { get; }

    /// <summary>Whether the pod has a node selector (precomputed: the filter asks for every node).</summary>
    public bool HasNodeSelector { get; }

    /// <summary>Whether the pod mounts a persistent volume claim (precomputed, as <see cref="HasNodeSelector"/>).</summary>
    public bool HasClaims { get; }

    public string Uid => Pod.Metadata.Uid;

    public static PodInfo Create(Pod pod, int ownerId = NoOwner)
    {
        ArgumentNullException.ThrowIfNull(pod);
        long cpu = 0, memory = 0, nonZeroCpu = 0, nonZeroMemory = 0;
        foreach (var container in pod.Spec.Containers)
        {
            var requests = container.Resources.EffectiveRequests;
            var c = requests.Cpu?.MilliValue ?? 0;
            var m = requests.Memory?.IntegerValue ?? 0;
            cpu += c;
            memory += m;
            nonZeroCpu += c == 0 ? DefaultMilliCpuRequest : c;
            nonZeroMemory += m == 0 ? DefaultMemoryRequest : m;
        }

        return new PodInfo(pod, cpu, memory, nonZeroCpu, nonZeroMemory, ownerId);
    }

    /// <summary>The uid of the pod's managing controller, or null.</summary>
    public static string? ControllerUid(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        foreach (var owner in pod.Metadata.OwnerReferences)
        {
            if (owner.Controller)
            {
                return owner.Uid;
            }
        }

        return null;
    }

    /// <summary>The same requests and owner for a newer version of the pod whose spec did not change.</summary>
    public PodInfo WithPod(Pod pod) => new(pod, MilliCpu, Memory, NonZeroMilliCpu, NonZeroMemory, OwnerId);

    /// <inheritdoc />
    public override string ToString() => Pod.Key.Display;
}
