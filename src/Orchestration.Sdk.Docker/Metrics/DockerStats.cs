using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestration.Sdk.Docker.Containers;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker.Metrics;

/// <summary>The engine's per-container statistics, for the autoscaler's CPU and memory metrics.</summary>
internal sealed class DockerStats(DockerConnection engine) : IContainerStatsSource
{
    public async Task<IReadOnlyList<StatsContainer>> ListRunningPodContainersAsync(CancellationToken cancellationToken)
    {
        var parameters = new ContainersListParameters
        {
            All = false,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool>(StringComparer.Ordinal)
                {
                    [RuntimeLabels.Managed + "=true"] = true,
                    [RuntimeLabels.App + "=" + engine.Options.AppName] = true,
                },
                ["status"] = new Dictionary<string, bool>(StringComparer.Ordinal) { ["running"] = true },
            },
        };
        var listed = await engine.Calls.ExecuteAsync("list containers", ct => engine.Client.Containers.ListContainersAsync(parameters, ct), cancellationToken)
            .ConfigureAwait(false);
        var containers = new List<StatsContainer>(listed.Count);
        foreach (var container in listed)
        {
            if (container.Labels is { } labels && !DockerContainerApi.IsSandbox(labels) && labels.TryGetValue(RuntimeLabels.PodUid, out var uid))
            {
                containers.Add(new StatsContainer(container.ID, uid));
            }
        }

        return containers;
    }

    public Task<DockerStatsSnapshot?> ReadStatsAsync(string containerId, bool oneShot, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(containerId);
        return engine.Calls.ExecuteAsync<DockerStatsSnapshot?>(
            "read container stats",
            async ct =>
            {
                try
                {
                    var answer = new LastReport<ContainerStatsResponse>();
                    var parameters = new ContainerStatsParameters { Stream = false, OneShot = oneShot };
                    await engine.Client.Containers.GetContainerStatsAsync(containerId, parameters, answer, ct).ConfigureAwait(false);
                    return DockerStatsSnapshot.From(answer.Value);
                }
                catch (DockerApiException e) when (DockerErrors.IsNotFound(e))
                {
                    return null;
                }
            },
            cancellationToken);
    }

    /// <summary>Keeps the last value reported, synchronously (<see cref="Progress{T}"/> would post it to the thread pool).</summary>
    private sealed class LastReport<T> : IProgress<T>
    {
        public T? Value { get; private set; }

        public void Report(T value) => Value = value;
    }
}
