using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestration.Sdk.Docker.Containers;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker.Volumes;

/// <summary>Listing and removing the app's own volumes (emptyDirs, claims, the file volumes of config and secrets).</summary>
internal static class AppVolumes
{
    /// <summary>The app's managed volumes carrying every label pair of <paramref name="selector"/> and every label of <paramref name="present"/>.</summary>
    public static async Task<IList<VolumeResponse>> ListAsync(
        DockerConnection engine, IReadOnlyDictionary<string, string> selector, CancellationToken cancellationToken, params string[] present)
    {
        var filter = new Dictionary<string, bool>(StringComparer.Ordinal)
        {
            [RuntimeLabels.Managed + "=true"] = true,
            [RuntimeLabels.App + "=" + engine.Options.AppName] = true,
        };
        foreach (var label in present)
        {
            filter[label] = true;
        }

        foreach (var (key, value) in selector)
        {
            filter[key + "=" + value] = true;
        }

        var listed = await engine.Calls.ExecuteAsync(
            "list volumes",
            ct => engine.Client.Volumes.ListAsync(new VolumesListParameters { Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = filter } }, ct),
            cancellationToken).ConfigureAwait(false);
        return listed.Volumes ?? [];
    }

    /// <summary>Removes <paramref name="volumes"/>; one gone already or still mounted by a container is skipped.</summary>
    /// <returns>How many were removed.</returns>
    public static async Task<int> RemoveUnusedAsync(DockerConnection engine, IEnumerable<VolumeResponse> volumes, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var volume in volumes)
        {
            removed += await engine.Calls.ExecuteAsync(
                "remove volume",
                async ct =>
                {
                    try
                    {
                        await engine.Client.Volumes.RemoveAsync(volume.Name, force: false, ct).ConfigureAwait(false);
                        return 1;
                    }
                    catch (DockerApiException e) when (DockerErrors.IsNotFound(e) || DockerErrors.IsConflict(e))
                    {
                        return 0; // gone already, or still mounted by a container
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }

        return removed;
    }
}
