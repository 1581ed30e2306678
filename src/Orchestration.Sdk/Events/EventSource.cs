namespace Orchestration.Sdk.Events;

/// <summary>The component that reported an event, as Kubernetes' core/v1 EventSource.</summary>
/// <param name="Component">The component ("kubelet", "default-scheduler", "deployment-controller").</param>
/// <param name="Host">The node the component runs on, for node agents. <value>The default value is null.</value></param>
public sealed record EventSource(string Component, string? Host = null);
