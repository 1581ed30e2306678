namespace Orchestration.Sdk.Controllers.NodeLifecycle;

/// <summary>Options of the node lifecycle controller: when a silent node is declared unreachable and its pods evicted.</summary>
public sealed class NodeLifecycleOptions
{
    /// <summary>How often node heartbeats are checked (Kubernetes' --node-monitor-period).
    /// <value>The default value is 5 seconds.</value></summary>
    public TimeSpan MonitorPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a node may go without a heartbeat before its Ready condition becomes Unknown and it is tainted
    /// node.kubernetes.io/unreachable:NoExecute (Kubernetes' --node-monitor-grace-period).
    /// <value>The default value is 40 seconds.</value></summary>
    public TimeSpan NodeMonitorGracePeriod { get; set; } = TimeSpan.FromSeconds(40);

    /// <summary>How long a pod stays on an unreachable node when it has no toleration of the unreachable taint (Kubernetes'
    /// DefaultTolerationSeconds admission plugin); a pod's own toleration with tolerationSeconds overrides it.
    /// <value>The default value is 300 seconds.</value></summary>
    public long DefaultTolerationSeconds { get; set; } = 300;
}
