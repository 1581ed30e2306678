using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker.Containers;

/// <summary>
/// The engine's container calls with the runtime's rules: a create that meets a container of the same name replaces it,
/// a removal of one that is gone succeeds, an inspection of one that is gone answers null.
/// </summary>
internal sealed partial class DockerContainerApi(DockerConnection engine, ILogger logger)
{
    private readonly ILogger _logger = logger;

    /// <summary>Whether the labels mark a pod sandbox.</summary>
    public static bool IsSandbox(IDictionary<string, string>? labels) =>
        labels is not null && labels.TryGetValue(RuntimeLabels.Sandbox, out var value) && value == "true";

    /// <summary>Creates a container (replacing one of the same name) through the call policy; returns its id.</summary>
    public async Task<string> CreateAsync(
        CreateContainerParameters parameters, string operation, string reason, CancellationToken cancellationToken)
    {
        await engine.PrepareAsync(parameters, cancellationToken).ConfigureAwait(false);
        return await engine.Calls.ExecuteAsync(
            operation,
            async ct =>
            {
                try
                {
                    return (await engine.Client.Containers.CreateContainerAsync(parameters, ct).ConfigureAwait(false)).ID;
                }
                catch (DockerApiException e) when (DockerErrors.IsConflict(e))
                {
                    // A container of that name exists: an earlier attempt of this very call, or a leftover of the
                    // same pod, container and restart count. The caller asked for a new one: replace it.
                    LogReplacingConflict(parameters.Name ?? string.Empty);
                    await ForceRemoveAsync(parameters.Name!, ct).ConfigureAwait(false);
                    return (await engine.Client.Containers.CreateContainerAsync(parameters, ct).ConfigureAwait(false)).ID;
                }
            },
            cancellationToken,
            reason: reason).ConfigureAwait(false);
    }

    /// <summary>Removes a container, running or not, in one call (not through the call policy); gone already succeeds.</summary>
    public async Task ForceRemoveAsync(string containerIdOrName, CancellationToken cancellationToken)
    {
        try
        {
            await engine.Client.Containers.RemoveContainerAsync(containerIdOrName, new ContainerRemoveParameters { Force = true }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (DockerApiException e) when (DockerErrors.IsNotFound(e) || DockerErrors.IsConflict(e))
        {
            // Gone already, or its removal is already in progress.
        }
    }

    /// <summary>Inspects a container through the call policy; null when it does not exist.</summary>
    public Task<ContainerInspectResponse?> InspectAsync(string containerId, CancellationToken cancellationToken) =>
        engine.Calls.ExecuteAsync<ContainerInspectResponse?>(
            "inspect container",
            async ct =>
            {
                try
                {
                    return await engine.Client.Containers.InspectContainerAsync(containerId, ct).ConfigureAwait(false);
                }
                catch (DockerApiException e) when (DockerErrors.IsNotFound(e))
                {
                    return null;
                }
            },
            cancellationToken);

    /// <summary>Lists the managed containers (running or not) matching <paramref name="labelSelector"/>, inspected.</summary>
    public async Task<IReadOnlyList<ContainerInspectResponse>> ListInspectedAsync(
        IReadOnlyDictionary<string, string> labelSelector, CancellationToken cancellationToken)
    {
        var listed = await ListAsync(labelSelector, cancellationToken).ConfigureAwait(false);
        var inspected = await Task.WhenAll(listed.Select(c => InspectAsync(c.ID, cancellationToken))).ConfigureAwait(false);
        return [.. inspected.OfType<ContainerInspectResponse>()];
    }

    /// <summary>Lists the managed containers (running or not) matching <paramref name="labelSelector"/>.</summary>
    public Task<IList<ContainerListResponse>> ListAsync(IReadOnlyDictionary<string, string> labelSelector, CancellationToken cancellationToken) =>
        engine.Calls.ExecuteAsync(
            "list containers",
            ct => engine.Client.Containers.ListContainersAsync(DockerContainerMapper.ListParameters(labelSelector), ct),
            cancellationToken);

    [LoggerMessage(EventId = 3061, Level = LogLevel.Information, Message = "A container named {Name} already exists; replacing it")]
    private partial void LogReplacingConflict(string name);
}
