using Microsoft.Extensions.Logging;

namespace Orchestration.Sdk.Runtime.NodeAgents;

/// <summary>The node agents' log messages.</summary>
internal static partial class NodeAgentLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "node {Node}: registered (cpu {Cpu}, memory {Memory}, pods {Pods})")]
    public static partial void NodeRegistered(ILogger logger, string node, string cpu, string memory, int pods);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Debug, Message = "node {Node}: agent stopped")]
    public static partial void AgentStopped(ILogger logger, string node);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "node {Node}: container runtime unreachable ({Reason}: {Detail}); not posting node status")]
    public static partial void RuntimeUnreachable(ILogger logger, string node, string reason, string detail);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Information, Message = "node {Node}: container runtime answers again")]
    public static partial void RuntimeBack(ILogger logger, string node);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Warning, Message = "node {Node}: runtime event stream failed; re-subscribing in {Delay}")]
    public static partial void EventStreamFailed(ILogger logger, Exception exception, string node, TimeSpan delay);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Information, Message = "node {Node}: runtime event stream re-established; relisting")]
    public static partial void Resync(ILogger logger, string node);

    [LoggerMessage(EventId = 2107, Level = LogLevel.Debug, Message = "node {Node}: pod {Pod}: sandbox created with address {Address}")]
    public static partial void SandboxCreated(ILogger logger, string node, string pod, string address);

    [LoggerMessage(EventId = 2108, Level = LogLevel.Information, Message = "node {Node}: pod {Pod}: started container {Container} ({ContainerId})")]
    public static partial void ContainerStarted(ILogger logger, string node, string pod, string container, string containerId);

    [LoggerMessage(EventId = 2109, Level = LogLevel.Information, Message = "node {Node}: pod {Pod}: restarting container {Container} (exit code {ExitCode}, restart {RestartCount})")]
    public static partial void Restarting(ILogger logger, string node, string pod, string container, int exitCode, int restartCount);

    [LoggerMessage(EventId = 2110, Level = LogLevel.Warning, Message = "node {Node}: pod {Pod}: runtime call for {Target} failed ({Reason})")]
    public static partial void RuntimeCallFailed(ILogger logger, Exception exception, string node, string pod, string target, string reason);

    [LoggerMessage(EventId = 2111, Level = LogLevel.Warning, Message = "node {Node}: pod {Pod}: sync failed ({Reason}: {Detail}); retrying in {Delay}")]
    public static partial void SyncFailed(ILogger logger, string node, string pod, string reason, string detail, TimeSpan delay);

    [LoggerMessage(EventId = 2112, Level = LogLevel.Error, Message = "node {Node}: pod {Pod}: sync failed unexpectedly; retrying in {Delay}")]
    public static partial void SyncCrashed(ILogger logger, Exception exception, string node, string pod, TimeSpan delay);

    [LoggerMessage(EventId = 2113, Level = LogLevel.Information, Message = "node {Node}: pod {Pod} (uid {Uid}): removed {Count} container(s) and the sandbox (orphaned: {Orphan})")]
    public static partial void TornDown(ILogger logger, string node, string pod, string uid, int count, bool orphan);

    [LoggerMessage(EventId = 2114, Level = LogLevel.Information, Message = "node {Node}: pod {Pod}: containers stopped; deleted the pod")]
    public static partial void PodDeleted(ILogger logger, string node, string pod);


    [LoggerMessage(EventId = 2115, Level = LogLevel.Information, Message = "node agents: starting the agent of node {Node}")]
    public static partial void AgentStarting(ILogger logger, string node);

    [LoggerMessage(EventId = 2116, Level = LogLevel.Warning, Message = "Node {Node}: pod {Pod} was still receiving traffic when its grace period ({GracePeriod}) ran out; stopping it anyway")]
    public static partial void DrainTimedOut(ILogger logger, string node, string pod, TimeSpan gracePeriod);
}
