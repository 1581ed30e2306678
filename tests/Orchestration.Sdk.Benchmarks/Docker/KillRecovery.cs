using System.Diagnostics;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Benchmarks.Docker;

/// <summary>
/// Kills one running pod container from outside (as <c>docker kill</c> does, through the engine API) and times until
/// the engine reports the replacement container of that pod started. Each kill hits a different pod, so no crash-loop
/// back-off applies (the first restart is immediate).
/// </summary>
internal static class KillRecovery
{
    public static async Task<double[]> MeasureAsync(SdkDockerRound sdk, string deployment, int kills, CancellationToken cancellationToken)
    {
        var pods = (await sdk.Client.ListAsync<Pod>(cancellationToken: cancellationToken))
            .Where(p => p.Metadata.Name.StartsWith(deployment + "-", StringComparison.Ordinal)).Take(kills).ToList();
        var samples = new List<double>();
        foreach (var pod in pods)
        {
            var victim = pod.Status.ContainerStatuses[0].ContainerId!;
            using var watch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            watch.CancelAfter(TimeSpan.FromSeconds(60));
            var events = sdk.Runtime.WatchEventsAsync(watch.Token).GetAsyncEnumerator(watch.Token);
            try
            {
                var next = events.MoveNextAsync().AsTask(); // subscribed before the kill
                await Task.Delay(50, cancellationToken);
                var clock = Stopwatch.StartNew();
                await sdk.Runtime.Client.Containers.KillContainerAsync(victim, new() { Signal = "KILL" }, cancellationToken);
                while (await next)
                {
                    var e = events.Current;
                    if (e.Type == ContainerEventType.Started && e.ContainerId != victim
                        && e.Labels.TryGetValue(RuntimeLabels.PodUid, out var uid) && uid == pod.Metadata.Uid
                        && !e.Labels.ContainsKey(RuntimeLabels.Sandbox))
                    {
                        samples.Add(clock.Elapsed.TotalMilliseconds);
                        break;
                    }

                    next = events.MoveNextAsync().AsTask();
                }
            }
            finally
            {
                await watch.CancelAsync();
                await events.DisposeAsync();
            }
        }

        return [.. samples];
    }
}
