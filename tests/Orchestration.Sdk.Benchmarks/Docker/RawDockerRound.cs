using System.Diagnostics;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Orchestration.Sdk.Benchmarks.Docker;

/// <summary>The baseline: create and start N containers with raw Docker.DotNet calls, all N at once.</summary>
internal static class RawDockerRound
{
    private const string Label = "io.orchestration.bench.raw";

    /// <returns>The wall time from the first create to the last started container.</returns>
    public static async Task<TimeSpan> RunAsync(Uri endpoint, int containers, CancellationToken cancellationToken)
    {
        using var client = new DockerClientBuilder().WithEndpoint(endpoint).WithTimeout(Timeout.InfiniteTimeSpan).Build();
        var run = Guid.NewGuid().ToString("N")[..8];
        var ids = new string[containers];
        try
        {
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, containers).Select(async i =>
            {
                var created = await client.Containers.CreateContainerAsync(
                    new CreateContainerParameters
                    {
                        Name = $"bench-raw-{run}-{i}",
                        Image = BenchImage.Name,
                        Cmd = ["/bin/sleep", "600"],
                        Labels = new Dictionary<string, string> { [Label] = run },
                        HostConfig = new HostConfig { RestartPolicy = new RestartPolicy { Name = RestartPolicyKind.No } },
                    },
                    cancellationToken);
                ids[i] = created.ID;
                await client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), cancellationToken);
            }));
            return clock.Elapsed;
        }
        finally
        {
            await Task.WhenAll(ids.Where(id => id is not null).Select(id =>
                client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true }, CancellationToken.None)));
        }
    }
}
