using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Configuration;
using Orchestration.Sdk.Kubernetes.Server;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Benchmarks.KubeApi;

/// <summary>
/// The Kubernetes API against the in-process client, on one store with no controllers running: LIST of 10,000 pods
/// (median of 5), watch event latency with 100 concurrent watchers, and GET requests/s with 16 concurrent clients.
/// </summary>
internal sealed class KubeApiBenchmark : IBenchmarkCommand
{
    private const string Token = "benchmark-admin-token-0123456789";

    public string Name => "kube-api";

    public string Usage => "LIST 10,000 pods through the API vs in process, watch latency (100 watchers), GET/s (16 clients)";

    public async Task<int> RunAsync(BenchmarkArguments arguments, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddOrchestration().UseInMemoryRuntime(_ => { }).WithKubernetesApi(o =>
        {
            o.Port = 0;
            o.AdminToken = Token;
        });
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<ResourceStore>();
        var client = provider.GetRequiredService<IOrchestrationClient>();
        var server = provider.GetRequiredService<KubernetesApiServer>();
        await server.StartAsync(cancellationToken);
        try
        {
            for (var i = 0; i < 10_000; i++)
            {
                store.Create(new Pod { Metadata = new ObjectMeta { Name = $"pod-{i}", Labels = new Dictionary<string, string> { ["app"] = "bench" } }, Spec = new PodSpec { Containers = [new Container { Name = "app", Image = "nginx:1.27" }] } });
            }

            using var http = Http(server.Address!);
            var inProcess = Median(5, () => client.ListAsync<Pod>(cancellationToken: cancellationToken));
            var api = Median(5, async () => await http.GetByteArrayAsync("/api/v1/pods", cancellationToken));
            var ratio = (await api).TotalMilliseconds / (await inProcess).TotalMilliseconds;
            var (p50, p99) = await WatchLatencyAsync(store, server.Address!, cancellationToken);
            var rps = await GetsPerSecondAsync(http, cancellationToken);

            new ResultTable()
                .Add("list 10,000 pods, in process (median ms)", Ms(await inProcess))
                .Add("list 10,000 pods, API (median ms)", Ms(await api))
                .Add("watch latency p50, 100 watchers (ms)", Ms(p50))
                .Add("watch latency p99, 100 watchers (ms)", Ms(p99))
                .Add("GET requests/s, 16 clients", rps.ToString("F0", CultureInfo.InvariantCulture))
                .Print(Console.Out);
            Console.WriteLine($"api-list/in-process: {ratio.ToString("F1", CultureInfo.InvariantCulture)}");
            return 0;
        }
        finally
        {
            await server.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<(TimeSpan P50, TimeSpan P99)> WatchLatencyAsync(ResourceStore store, Uri address, CancellationToken cancellationToken)
    {
        const int Watchers = 100;
        const int Changes = 50;
        var rv = store.Version.ToString(CultureInfo.InvariantCulture);
        var latencies = new List<TimeSpan>();
        var clients = Enumerable.Range(0, Watchers).Select(_ => Http(address)).ToList();
        var streams = await Task.WhenAll(clients.Select(c => c.GetStreamAsync($"/api/v1/namespaces/default/configmaps?watch=1&resourceVersion={rv}", cancellationToken)));
        var readers = streams.Select(s => Task.Run(async () =>
        {
            using var reader = new StreamReader(s, Encoding.UTF8);
            var seen = new List<TimeSpan>();
            for (var i = 0; i < Changes; i++)
            {
                var line = await reader.ReadLineAsync(cancellationToken) ?? throw new InvalidOperationException("the watch ended early");
                var at = line.IndexOf("\"stamp\":\"", StringComparison.Ordinal) + 9;
                var stamp = long.Parse(line.AsSpan(at, line.IndexOf('"', at) - at), CultureInfo.InvariantCulture);
                seen.Add(Stopwatch.GetElapsedTime(stamp));
            }

            return seen;
        }, cancellationToken)).ToList();

        for (var i = 0; i < Changes; i++)
        {
            store.Create(new ConfigMap { Metadata = new ObjectMeta { Name = $"change-{i}", Annotations = new Dictionary<string, string> { ["stamp"] = Stopwatch.GetTimestamp().ToString(CultureInfo.InvariantCulture) } } });
            await Task.Delay(20, cancellationToken);
        }

        foreach (var r in readers)
        {
            latencies.AddRange(await r);
        }

        clients.ForEach(c => c.Dispose());
        latencies.Sort();
        return (latencies[latencies.Count / 2], latencies[(int)(latencies.Count * 0.99)]);
    }

    private static async Task<double> GetsPerSecondAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var duration = TimeSpan.FromSeconds(5);
        var watch = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, 16).Select(n => Task.Run(async () =>
        {
            var count = 0;
            while (watch.Elapsed < duration)
            {
                using var response = await http.GetAsync($"/api/v1/namespaces/default/pods/pod-{(count * 16 + n) % 10_000}", cancellationToken);
                response.EnsureSuccessStatusCode();
                count++;
            }

            return count;
        }, cancellationToken)));
        return counts.Sum() / watch.Elapsed.TotalSeconds;
    }

    private static async Task<TimeSpan> Median<T>(int runs, Func<Task<T>> run)
    {
        await run();
        var times = new List<TimeSpan>();
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await run();
            times.Add(Stopwatch.GetElapsedTime(start));
        }

        times.Sort();
        return times[runs / 2];
    }

    // The benchmark talks to its own loopback server, whose CA it did not export: it accepts that certificate.
    private static HttpClient Http(Uri address) => new(new SocketsHttpHandler
    {
        SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
    })
    {
        BaseAddress = address,
        DefaultRequestHeaders = { { "Authorization", $"Bearer {Token}" } },
        Timeout = TimeSpan.FromMinutes(2),
    };

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("F2", CultureInfo.InvariantCulture);
}
