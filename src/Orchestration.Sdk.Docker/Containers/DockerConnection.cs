using Docker.DotNet;
using Docker.DotNet.Models;

namespace Orchestration.Sdk.Docker.Containers;

/// <summary>What every collaborator of the Docker runtime shares: the engine client, the call policy, the options and the clock.</summary>
internal sealed class DockerConnection(DockerClient client, DockerCallPolicy calls, DockerRuntimeOptions options, TimeProvider time)
{
    private volatile Task<bool>? _podman;

    /// <summary>The engine client.</summary>
    public DockerClient Client { get; } = client;

    /// <summary>Bounds and retries calls to the engine.</summary>
    public DockerCallPolicy Calls { get; } = calls;

    /// <summary>The runtime's options.</summary>
    public DockerRuntimeOptions Options { get; } = options;

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; } = time;

    /// <summary>
    /// Whether the engine is Podman's Docker-compatible service (its version report names a "Podman Engine"
    /// component); asked once, again after a failed answer.
    /// </summary>
    public async Task<bool> IsPodmanAsync(CancellationToken cancellationToken)
    {
        var known = _podman;
        if (known is { IsCompletedSuccessfully: true })
        {
            return known.Result;
        }

        var asked = Calls.ExecuteAsync(
            "get engine version",
            async ct => (await Client.System.GetVersionAsync(ct).ConfigureAwait(false)).Components?
                .Any(c => c.Name?.Contains("Podman", StringComparison.OrdinalIgnoreCase) == true) == true,
            cancellationToken,
            reason: "RuntimeUnavailable");
        _podman = asked;
        return await asked.ConfigureAwait(false);
    }

    /// <summary>
    /// What a container needs on this kind of engine before it is created: on Podman, explicit open-file and process
    /// limits (its defaults come from the service's own limits and fail as "error setting rlimit ... operation not
    /// permitted" in a service without the privilege to raise them).
    /// </summary>
    public async Task PrepareAsync(CreateContainerParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!await IsPodmanAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        parameters.HostConfig ??= new HostConfig();
        parameters.HostConfig.Ulimits ??= [];
        foreach (var name in (string[])["nofile", "nproc"])
        {
            if (!parameters.HostConfig.Ulimits.Any(u => u.Name == name))
            {
                parameters.HostConfig.Ulimits.Add(new Ulimit { Name = name, Soft = PodmanLimit, Hard = PodmanLimit });
            }
        }
    }

    /// <summary>The open-file and process limit put on Podman's containers.</summary>
    public const long PodmanLimit = 1024;
}
