using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestration.Sdk.Docker.Containers;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker.Cleanup;

/// <summary>
/// The exclusive lease of an app name on an engine: a created (never started) container <c>orch_owner_&lt;app&gt;</c>
/// labelled with the app, the holding host's instance id and its session. Two hosts with the same app name would
/// otherwise each remove the other's containers as unknown. A host acquires it at start; a lease whose session is
/// dead (the host process is gone) is taken over, so a restarted host still adopts its containers. A host of another
/// machine is never known dead: its lease must be removed by hand (<c>docker rm orch_owner_&lt;app&gt;</c>).
/// </summary>
internal sealed class DockerOwnerLease(DockerConnection engine, DockerContainerApi containers, PauseImage pause)
{
    /// <summary>The label of the lease container: the instance id of the host holding it.</summary>
    public const string OwnerLabel = "io.orchestration.docker.owner";

    private readonly string _instance = Guid.NewGuid().ToString("N");

    private string Name => "orch_owner_" + engine.Options.AppName;

    /// <summary>Takes the lease, or throws <see cref="OrchestrationException"/> naming the app and the live host holding it.</summary>
    public async Task AcquireAsync(CancellationToken cancellationToken)
    {
        await pause.EnsureAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var existing = await InspectAsync(cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                var labels = existing.Config?.Labels ?? new Dictionary<string, string>();
                if (labels.TryGetValue(OwnerLabel, out var owner) && owner == _instance)
                {
                    return; // ours already (a stop and start of the same host)
                }

                var session = labels.TryGetValue(DockerLabels.Session, out var s) ? DockerSession.Parse(s) : null;
                if (session is null || !session.IsDead())
                {
                    throw new OrchestrationException(
                        $"app \"{engine.Options.AppName}\" is already run on this Docker engine by another host " +
                        $"({(session is null ? "unknown process" : $"process {session.ProcessId} on machine {session.Machine}")}, instance {owner ?? "unknown"}): " +
                        "two hosts with the same AppName would remove each other's containers. Stop the other host, or set DockerRuntimeOptions.AppName " +
                        $"to another name; if that host is gone, remove its lease with 'docker rm {Name}'.");
                }

                await containers.ForceRemoveAsync(existing.ID, cancellationToken).ConfigureAwait(false); // a dead host's lease
            }

            try
            {
                await engine.Calls.ExecuteAsync(
                    "create owner lease",
                    ct => engine.Client.Containers.CreateContainerAsync(new CreateContainerParameters
                    {
                        Name = Name,
                        Image = pause.Name,
                        Labels = new Dictionary<string, string>
                        {
                            [RuntimeLabels.App] = engine.Options.AppName,
                            [OwnerLabel] = _instance,
                            [DockerLabels.Session] = DockerSession.Current.Value,
                        },
                        HostConfig = new HostConfig { NetworkMode = "none" },
                    }, ct),
                    cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (DockerApiException e) when (DockerErrors.IsConflict(e))
            {
                // Another host created it in between: look again.
            }
        }

        throw new OrchestrationException($"could not take the lease of app \"{engine.Options.AppName}\" on the Docker engine: it kept changing");
    }

    /// <summary>Gives the lease up if this host holds it. Never throws.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        try
        {
            var existing = await InspectAsync(cancellationToken).ConfigureAwait(false);
            if (existing?.Config?.Labels is { } labels && labels.TryGetValue(OwnerLabel, out var owner) && owner == _instance)
            {
                await containers.ForceRemoveAsync(existing.ID, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is DockerApiException or OperationCanceledException or ContainerRuntimeException or HttpRequestException)
        {
            // Left behind: the next host takes it over once this process is gone.
        }
    }

    private async Task<ContainerInspectResponse?> InspectAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await engine.Client.Containers.InspectContainerAsync(Name, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException e) when (DockerErrors.IsNotFound(e))
        {
            return null;
        }
    }
}
