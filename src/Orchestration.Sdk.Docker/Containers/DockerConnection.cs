using Docker.DotNet;

namespace Orchestration.Sdk.Docker.Containers;

/// <summary>What every collaborator of the Docker runtime shares: the engine client, the call policy, the options and the clock.</summary>
internal sealed class DockerConnection(DockerClient client, DockerCallPolicy calls, DockerRuntimeOptions options, TimeProvider time)
{
    /// <summary>The engine client.</summary>
    public DockerClient Client { get; } = client;

    /// <summary>Bounds and retries calls to the engine.</summary>
    public DockerCallPolicy Calls { get; } = calls;

    /// <summary>The runtime's options.</summary>
    public DockerRuntimeOptions Options { get; } = options;

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; } = time;
}
