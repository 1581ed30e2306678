using System.Diagnostics.Metrics;

namespace Orchestration.Sdk.Autoscaling;

/// <summary>The autoscaler's instruments, on the meter <c>Orchestration.Sdk</c>, tagged with the autoscaler's namespace and name.</summary>
internal static class AutoscalerMetrics
{
    public const string MeterName = "Orchestration.Sdk";

    public const string CurrentReplicasName = "orchestration.sdk.autoscaler.current_replicas";

    public const string DesiredReplicasName = "orchestration.sdk.autoscaler.desired_replicas";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Gauge<int> Current = Meter.CreateGauge<int>(
        CurrentReplicasName, unit: "{replica}", description: "The replica count of the autoscaler's target at its last sync.");

    internal static readonly Gauge<int> Desired = Meter.CreateGauge<int>(
        DesiredReplicasName, unit: "{replica}", description: "The replica count the autoscaler last decided on.");

    public static void Record(string @namespace, string name, int current, int desired)
    {
        var ns = new KeyValuePair<string, object?>("namespace", @namespace);
        var hpa = new KeyValuePair<string, object?>("autoscaler", name);
        Current.Record(current, ns, hpa);
        Desired.Record(desired, ns, hpa);
    }
}
