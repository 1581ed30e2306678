namespace Orchestration.Sdk.Autoscaling;

/// <summary>One metric an autoscaler keeps near its target.</summary>
/// <param name="Type">Where the metric comes from.</param>
/// <param name="Name">"cpu" or "memory" for <see cref="MetricSourceType.Resource"/>; the metric source's name for custom metrics.</param>
/// <param name="Target">The target.</param>
public sealed record MetricSpec(MetricSourceType Type, string Name, MetricTarget Target)
{
    /// <summary>The name of the CPU resource metric.</summary>
    public const string Cpu = "cpu";

    /// <summary>The name of the memory resource metric.</summary>
    public const string Memory = "memory";
}
