namespace Orchestration.Sdk.Runtime;

/// <summary>A running pod sandbox.</summary>
/// <param name="Id">The runtime's id.</param>
/// <param name="IPAddress">The pod's address (its status' podIP), where the agent sends HTTP GET and TCP probes.</param>
/// <param name="Labels">Its labels.</param>
public sealed record PodSandbox(string Id, string IPAddress, IReadOnlyDictionary<string, string> Labels);
