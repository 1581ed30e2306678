using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker;

/// <summary>What a Docker node reports: the engine's CPUs and memory unless the engine's options set them, and its address.</summary>
internal static class DockerNodeCapacity
{
    /// <summary>The node's runtime info from the engine's figures and <paramref name="engine"/>'s overrides.</summary>
    public static RuntimeInfo Of(DockerEngineOptions? engine, Uri endpoint, long engineCpus, long engineMemoryBytes, string version)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var cpu = engine?.Cpu is { Length: > 0 } c ? Quantity.Parse(c).MilliValue : engineCpus * 1000;
        var memory = engine?.Memory is { Length: > 0 } m ? Quantity.Parse(m).IntegerValue : engineMemoryBytes;
        var address = engine?.Address is { Length: > 0 } a ? a
            : endpoint.Scheme is "tcp" or "http" or "https" ? endpoint.Host
            : "127.0.0.1";
        return new RuntimeInfo(cpu, memory, address, version);
    }
}
