namespace Orchestration.Sdk.Runtime;

/// <summary>What a runtime reports of its node.</summary>
/// <param name="CpuMilliCores">CPU capacity in milli-cores.</param>
/// <param name="MemoryBytes">Memory capacity in bytes.</param>
/// <param name="Address">The node's address (the pods' status hostIP).</param>
/// <param name="Version">The engine's version text.</param>
public sealed record RuntimeInfo(long CpuMilliCores, long MemoryBytes, string Address, string Version);
