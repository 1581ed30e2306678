namespace Orchestration.Sdk.Runtime;

/// <summary>An entry of a pod's hosts file (Kubernetes' <c>hostAliases</c>): host names that resolve to an address.</summary>
/// <param name="IP">The address.</param>
/// <param name="HostNames">The names that resolve to it.</param>
public sealed record HostAlias(string IP, IReadOnlyList<string> HostNames);
