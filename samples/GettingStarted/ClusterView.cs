using Orchestration.Sdk.Client;
using Orchestration.Sdk.Model;

namespace GettingStarted;

/// <summary>Prints the cluster and waits for conditions (real time: this is a demo, not a test).</summary>
internal sealed class ClusterView(IOrchestrationClient client)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static void Say(string line) => System.Console.WriteLine(line);

    public async Task<IReadOnlyList<Pod>> PodsOfAsync(string app) =>
        (await client.ListAsync<Pod>(LabelSelector.Of(new Dictionary<string, string> { ["app"] = app })))
            .Where(p => p.Metadata.DeletionTimestamp is null).ToList();

    public async Task PodsAsync(string title, string? app = null)
    {
        Say(title);
        Say($"  {"POD",-28} {"NODE",-8} {"STATUS",-10} {"READY",-6} {"RESTARTS",-9} {"IP",-14} LAST EXIT");
        var pods = app is null ? await client.ListAsync<Pod>() : await PodsOfAsync(app);
        foreach (var p in pods.Where(p => p.Metadata.DeletionTimestamp is null))
        {
            var c = p.Status.ContainerStatuses.FirstOrDefault();
            var lastExit = c?.LastState?.Terminated is { } t ? $"{t.ExitCode} ({t.Reason})" : "-";
            Say($"  {p.Metadata.Name,-28} {p.Spec.NodeName ?? "-",-8} {p.Status.Phase,-10} {(p.Status.IsReady ? "1/1" : "0/1"),-6} {p.Status.RestartCount,-9} {p.Status.PodIP ?? "-",-14} {lastExit}");
        }

        Say(string.Empty);
    }

    public async Task WaitForReadyAsync(params (string Deployment, int Ready)[] targets)
    {
        await WaitAsync(async () =>
        {
            foreach (var (name, ready) in targets)
            {
                // A Deployment, or (the db on Docker) a StatefulSet.
                var readyReplicas = (await client.GetAsync<Deployment>(name))?.Status.ReadyReplicas
                    ?? (await client.GetAsync<Orchestration.Sdk.StatefulSets.StatefulSet>(name))?.Status.ReadyReplicas;
                var pods = await PodsOfAsync(name);
                if (readyReplicas != ready || pods.Count != ready || pods.Any(p => !p.Status.IsReady))
                {
                    return false;
                }
            }

            return true;
        }, "deployments ready: " + string.Join(", ", targets.Select(t => $"{t.Deployment}={t.Ready}")));
    }

    public Task WaitForRestartAsync(string pod) => WaitAsync(async () =>
        await client.GetAsync<Pod>(pod) is { } p && p.Status.RestartCount >= 1 && p.Status.IsReady, $"pod {pod} restarted");

    public static async Task WaitAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"timed out waiting for {what}");
            }

            await Task.Delay(50);
        }
    }
}
