using System.Globalization;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Runtime.NodeAgents;

/// <summary>Turns a pod and its containers into runtime requests carrying the agent's ownership labels.</summary>
internal static class ContainerRequests
{
    /// <summary>The labels that find every object the agent of <paramref name="nodeName"/> owns.</summary>
    public static Dictionary<string, string> NodeSelector(string nodeName, string? applicationName)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [RuntimeLabels.Managed] = "true",
            [RuntimeLabels.Node] = nodeName,
        };
        if (applicationName is not null)
        {
            labels[RuntimeLabels.App] = applicationName;
        }

        return labels;
    }

    /// <summary>The labels that find one pod's objects.</summary>
    public static Dictionary<string, string> PodSelector(string nodeName, string? applicationName, string podUid)
    {
        var labels = NodeSelector(nodeName, applicationName);
        labels[RuntimeLabels.PodUid] = podUid;
        return labels;
    }

    public static PodSandboxRequest Sandbox(Pod pod, string nodeName, string? applicationName)
    {
        var labels = PodLabels(pod, nodeName, applicationName);
        labels[RuntimeLabels.Sandbox] = "true";
        return new PodSandboxRequest
        {
            PodUid = pod.Metadata.Uid,
            PodName = pod.Metadata.Name,
            Namespace = pod.Metadata.Namespace,
            Labels = labels,
            Ports = pod.Spec.Containers.SelectMany(c => c.Ports).Select(p => p.Number).Distinct().ToList(),
        };
    }

    public static ContainerCreateRequest Container(Pod pod, Container container, string sandboxId, int restartCount, string nodeName, string? applicationName)
    {
        var labels = PodLabels(pod, nodeName, applicationName);
        labels[RuntimeLabels.ContainerName] = container.Name;
        labels[RuntimeLabels.RestartCount] = restartCount.ToString(CultureInfo.InvariantCulture);
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in container.Env)
        {
            env[e.Name] = e.Value; // a later duplicate wins, as in Kubernetes
        }

        return new ContainerCreateRequest
        {
            SandboxId = sandboxId,
            Name = container.Name,
            Image = container.Image,
            ImageBuildContext = container.ImageBuildContext,
            Command = container.Command,
            Args = container.Args,
            Environment = env,
            Ports = container.Ports.Select(p => p.Number).ToList(),
            WorkingDir = container.WorkingDir,
            CpuLimitMilliCores = container.Resources.Limits.Cpu?.MilliValue,
            MemoryLimitBytes = container.Resources.Limits.Memory?.IntegerValue,
            Labels = labels,
        };
    }

    private static Dictionary<string, string> PodLabels(Pod pod, string nodeName, string? applicationName)
    {
        var labels = NodeSelector(nodeName, applicationName);
        labels[RuntimeLabels.PodUid] = pod.Metadata.Uid;
        labels[RuntimeLabels.PodName] = pod.Metadata.Name;
        labels[RuntimeLabels.PodNamespace] = pod.Metadata.Namespace;
        return labels;
    }
}
