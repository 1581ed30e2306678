using System.Diagnostics;
using Orchestration.Sdk;
using Orchestration.Sdk.Autoscaling;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Networking;

namespace GettingStarted;

/// <summary>The feature steps of the tour: a service by name, a secret and config, a rollout under load, autoscaling.</summary>
internal sealed class Features(IOrchestrationClient client, IRolloutClient rollouts)
{
    private readonly ClusterView _view = new(client);

    /// <summary>The worker's log shows answers from every web replica, reached as http://web/ inside the app network.</summary>
    public async Task ServicesAsync()
    {
        var service = (await client.GetAsync<Service>("web"))!;
        ClusterView.Say($"Service web: {service.Spec.ClusterIP}:80 inside the app (the network's gateway, where the SDK's proxy listens; "
            + $"containers resolve the name web from their hosts file), 127.0.0.1:{service.Spec.Ports[0].NodePort} from this host.");
        var webPods = (await _view.PodsOfAsync("web")).Select(p => p.Metadata.Name).ToHashSet();
        var worker = (await _view.PodsOfAsync("worker"))[0].Metadata.Name;
        var answeredBy = new HashSet<string>();
        await ClusterView.WaitAsync(async () =>
        {
            var log = await client.GetLogsAsync(worker);
            answeredBy = webPods.Where(p => log.Contains(p, StringComparison.Ordinal)).ToHashSet();
            return answeredBy.SetEquals(webPods);
        }, $"the worker to hear from every web pod ({string.Join(", ", webPods)})");
        var lines = (await client.GetLogsAsync(worker)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        ClusterView.Say($"Worker {worker} calls http://web/ by name; its last answers:");
        foreach (var line in lines.TakeLast(3))
        {
            ClusterView.Say("  " + line);
        }

        ClusterView.Say($"Answers came from all {answeredBy.Count} web replicas: {string.Join(", ", answeredBy.Order())}.");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var url = $"http://127.0.0.1:{service.Spec.Ports[0].NodePort}/";
        ClusterView.Say($"GET {url} (from this host) -> {(await http.GetStringAsync(url)).Trim()}");
        ClusterView.Say(string.Empty);
    }

    /// <summary>The db's own log says its password arrived (never the password); web's page carries the ConfigMap's greeting.</summary>
    public async Task SecretsAndConfigAsync()
    {
        var db = (await _view.PodsOfAsync("db"))[0].Metadata.Name;
        ClusterView.Say($"Secret db-credentials (AES-256-GCM in the store; value from configuration key Db:Password) -> pod {db}, whose log says:");
        foreach (var line in (await client.GetLogsAsync(db)).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            ClusterView.Say("  " + line);
        }

        ClusterView.Say("ConfigMap web-settings -> /etc/web/greeting in every web pod; web's page quotes it (see the answers above).");
        ClusterView.Say(string.Empty);
    }

    /// <summary>Updates web from v1 to v2 while this host sends requests through the service; counts failures.</summary>
    public async Task RolloutAsync(AppDeclaration next)
    {
        var service = (await client.GetAsync<Service>("web"))!;
        var url = $"http://127.0.0.1:{service.Spec.Ports[0].NodePort}/";
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero }) { Timeout = TimeSpan.FromSeconds(10) };
        using var stop = new CancellationTokenSource();
        var sent = 0;
        var failed = 0;
        var v2 = 0;
        var load = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var page = await http.GetStringAsync(url, CancellationToken.None);
                    v2 += page.StartsWith("v2", StringComparison.Ordinal) ? 1 : 0;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    failed++;
                }

                sent++;
            }
        });

        ClusterView.Say($"Rolling web out from v1 to v2 (maxSurge 1, maxUnavailable 0) while this host sends requests to {url}:");
        var clock = Stopwatch.StartNew();
        await client.ApplyAsync(next);
        var status = await rollouts.WaitAsync("web", new Said<RolloutStatus>(s => ClusterView.Say($"  {clock.Elapsed.TotalSeconds,5:0.0} s  {s.Message}")));
        await stop.CancelAsync();
        await load;
        ClusterView.Say($"Rollout {(status.IsComplete ? "complete" : "failed: " + status.Message)} in {clock.Elapsed.TotalSeconds:0.0} s: "
            + $"{sent} requests, {failed} failed, {v2} answered by v2.");
        ClusterView.Say($"GET {url} -> {(await http.GetStringAsync(url)).Trim()}");
        ClusterView.Say(string.Empty);
    }

    /// <summary>In memory there are no processes to call: the in-process discovery shows where "web" leads, round-robin.</summary>
    public async Task DiscoveryAsync(IServiceDiscovery discovery)
    {
        var endpoints = await discovery.ResolveAsync("web");
        ClusterView.Say($"Service web resolves (in-process discovery, ready pods only) to {string.Join(", ", endpoints.Select(e => $"{e.PodName} at {e}"))}.");
        var picks = new List<string>();
        for (var i = 0; i < endpoints.Count * 2; i++)
        {
            picks.Add((await discovery.PickAsync("web"))!.PodName);
        }

        ClusterView.Say($"Round-robin picks: {string.Join(", ", picks)}.");
        ClusterView.Say(string.Empty);
    }

    /// <summary>A rollout without traffic (in memory): the progress as kubectl rollout status prints it.</summary>
    public async Task RolloutWithoutTrafficAsync(AppDeclaration next)
    {
        ClusterView.Say("Rolling web out from shop-web:1 to shop-web:2 (maxSurge 1, maxUnavailable 0):");
        var clock = Stopwatch.StartNew();
        await client.ApplyAsync(next);
        var status = await rollouts.WaitAsync("web", new Said<RolloutStatus>(s => ClusterView.Say($"  {clock.Elapsed.TotalSeconds,5:0.0} s  {s.Message}")));
        var images = (await _view.PodsOfAsync("web")).Select(p => p.Spec.Containers[0].Image).Distinct();
        ClusterView.Say($"Rollout {(status.IsComplete ? "complete" : "failed: " + status.Message)}; web runs {string.Join(", ", images)}.");
        ClusterView.Say(string.Empty);
    }

    /// <summary>The worker scales out as the queue grows and back in after it drains.</summary>
    public async Task AutoscalingAsync(WorkQueue queue)
    {
        ClusterView.Say("Autoscaler worker: 1..4 replicas, target 5 queued items per worker, synced every 2 s.");
        queue.Set(20);
        ClusterView.Say("20 items arrive in the queue...");
        await WaitForWorkersAsync(4);
        queue.Set(0);
        ClusterView.Say("The queue drains; after the 6 s scale-down window...");
        await WaitForWorkersAsync(1);
        ClusterView.Say(string.Empty);
    }

    private async Task WaitForWorkersAsync(int replicas)
    {
        await ClusterView.WaitAsync(
            async () => (await client.GetAsync<Deployment>("worker"))?.Spec.Replicas == replicas,
            $"worker at {replicas} replicas");
        var hpa = await client.GetAsync<HorizontalPodAutoscaler>("worker");
        ClusterView.Say($"  {hpa?.Status.LastScaleReason}");
        await _view.WaitForReadyAsync(("worker", replicas));
    }
}

/// <summary>Reports at once, on the reporting thread (<see cref="Progress{T}"/> posts later, so lines come out of order).</summary>
internal sealed class Said<T>(Action<T> say) : IProgress<T>
{
    public void Report(T value) => say(value);
}
