using System.Globalization;

namespace Orchestration.Sdk.Benchmarks.Docker;

/// <summary>
/// <c>proxy --seconds 10</c>: one busybox httpd pod behind a host-reachable service; for the given time each, HTTP GETs
/// from the host straight to the pod's address and through the service proxy's host port, in alternating 1 s slices
/// (same pod, same concurrency, a new connection per request). Prints requests/s and latency percentiles of both; the last line is
/// <c>proxy/direct: &lt;throughput ratio&gt;</c>.
/// </summary>
internal sealed class ProxyBenchmark : IBenchmarkCommand
{
    public string Name => "proxy";

    public string Usage => "--seconds 10 [--concurrency 8] [--endpoint unix:///var/run/docker.sock]";

    public async Task<int> RunAsync(BenchmarkArguments arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var seconds = arguments.Int("seconds", 10);
        var concurrency = arguments.Int("concurrency", 8);
        var endpoint = arguments.String("endpoint");
        if (seconds <= 0 || concurrency <= 0)
        {
            throw new ArgumentException("--seconds and --concurrency must be positive");
        }

        Console.WriteLine($"building {BenchImage.Name} (not measured)");
        await BenchImage.EnsureAsync(endpoint, cancellationToken);
        await using var sdk = await SdkDockerRound.StartAsync(endpoint, cancellationToken);
        await sdk.Client.ApplyAsync(WebDeclaration.Build("v1", replicas: 1), cancellationToken);
        var (pods, hostPort) = await WebDeclaration.WaitReadyAsync(sdk, 1, cancellationToken);
        var direct = $"http://{pods[0].Status.PodIP}:8080/";
        var proxied = $"http://127.0.0.1:{hostPort}/";
        using var http = HttpLoad.NewClient();
        await HttpLoad.WaitForAnswerAsync(http, proxied, cancellationToken);

        Console.WriteLine("warm-up: 2 s each way (not measured)");
        await RunForAsync(http, direct, concurrency, TimeSpan.FromSeconds(2), cancellationToken);
        await RunForAsync(http, proxied, concurrency, TimeSpan.FromSeconds(2), cancellationToken);
        Console.WriteLine($"measuring: {seconds} s direct to {direct} and {seconds} s through the proxy at {proxied}, {concurrency} workers, "
            + "alternating 1 s slices so both see the same machine load");
        var directSlices = new List<LoadResult>();
        var proxySlices = new List<LoadResult>();
        for (var i = 0; i < seconds; i++)
        {
            directSlices.Add(await RunForAsync(http, direct, concurrency, TimeSpan.FromSeconds(1), cancellationToken));
            proxySlices.Add(await RunForAsync(http, proxied, concurrency, TimeSpan.FromSeconds(1), cancellationToken));
        }

        var directResult = LoadResult.Combine(directSlices);
        var proxyResult = LoadResult.Combine(proxySlices);

        var inv = CultureInfo.InvariantCulture;
        new ResultTable()
            .Add("workers (new connection per request)", concurrency.ToString(inv))
            .Add("direct: requests/s", directResult.RequestsPerSecond.ToString("0", inv))
            .Add("direct: p50 latency (ms)", directResult.Percentile(0.50).ToString("0.00", inv))
            .Add("direct: p99 latency (ms)", directResult.Percentile(0.99).ToString("0.00", inv))
            .Add("direct: failed", directResult.Failed.ToString(inv))
            .Add("proxy: requests/s", proxyResult.RequestsPerSecond.ToString("0", inv))
            .Add("proxy: p50 latency (ms)", proxyResult.Percentile(0.50).ToString("0.00", inv))
            .Add("proxy: p99 latency (ms)", proxyResult.Percentile(0.99).ToString("0.00", inv))
            .Add("proxy: failed", proxyResult.Failed.ToString(inv))
            .Print(Console.Out);
        Console.WriteLine($"proxy/direct: {(proxyResult.RequestsPerSecond / directResult.RequestsPerSecond).ToString("0.00", inv)}");
        return directResult.Failed + proxyResult.Failed == 0 ? 0 : 1;
    }

    private static async Task<LoadResult> RunForAsync(HttpClient http, string url, int concurrency, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(duration);
        return await HttpLoad.RunAsync(http, url, concurrency, stop.Token);
    }
}
