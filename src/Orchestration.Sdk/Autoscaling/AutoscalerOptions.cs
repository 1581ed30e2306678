namespace Orchestration.Sdk.Autoscaling;

/// <summary>Options of the horizontal pod autoscaler controller (Kubernetes' kube-controller-manager flags).</summary>
public sealed class AutoscalerOptions
{
    /// <summary>How often every autoscaler is evaluated (--horizontal-pod-autoscaler-sync-period). <value>The default value is 15 seconds.</value></summary>
    public TimeSpan SyncPeriod { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How many recent decisions <see cref="AutoscalerEvents"/> keeps. <value>The default value is 1000.</value></summary>
    public int EventCapacity { get; set; } = 1000;
}
