namespace Orchestration.Sdk.Runtime;

/// <summary>A running pod sandbox.</summary>
/// <param name="Id">The runtime's id.</param>
/// <param name="IPAddress">The pod's address.</param>
/// <param name="Labels">Its labels.</param>
public sealed record PodSandbox(string Id, string IPAddress, IReadOnlyDictionary<string, string> Labels);
