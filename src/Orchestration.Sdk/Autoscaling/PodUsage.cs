using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Autoscaling;

/// <summary>The resource usage of one pod (the sum over its containers), as the metrics server reports it.</summary>
/// <param name="Cpu">CPU in cores, or null when unknown.</param>
/// <param name="Memory">Memory in bytes, or null when unknown.</param>
public sealed record PodUsage(Quantity? Cpu, Quantity? Memory);
