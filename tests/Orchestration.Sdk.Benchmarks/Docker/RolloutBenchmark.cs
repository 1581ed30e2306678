using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Sdk.Client;

namespace Orchestration.Sdk.Benchmarks.Docker;

/// <summary>
/// <c>rollout --replicas 3</c>: web v1 (busybox httpd, readiness probe every second, maxSurge 1, maxUnavailable 0)
/// behind a host-reachable service, under continuous HTTP load through the service proxy; then v2 is applied and timed
/// until the rollout is complete. Prints the wall time, requests sent and failed, and which versions answered; the last
/// line is <c>failed requests: &lt;n&gt;</c> (must be 0).
/// </summary>
internal sealed class RolloutBenchmark : IBenchmarkCommand
{
    public string Name => "rollout";

    public string Usage => "[--replicas 3] [--concurrency 4] [--endpoint unix:///var/run/docker.sock]";

    public async Task<int> RunAsync(BenchmarkArguments arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var replicas = arguments.Int("replicas", 3);
        var concurrency = arguments.Int("concurrency", 4);
        var endpoint = arguments.String("endpoint");
        if (replicas <= 0 || concurrency <= 0)
        {
            throw new ArgumentException("--replicas and --concurrency must be positive");
        }

        Console.WriteLine($"building {BenchImage.Name} (not measured)");
        await BenchImage.EnsureAsync(endpoint, cancellationToken);
        await using var sdk = await SdkDockerRound.StartAsync(endpoint, cancellationToken);
        await sdk.Client.ApplyAsync(WebDeclaration.Build("v1", replicas), cancellationToken);
        var (_, hostPort) = await WebDeclaration.WaitReadyAsync(sdk, replicas, cancellationToken);
        var url = $"http://127.0.0.1:{hostPort}/";
        using var http = HttpLoad.NewClient();
        await HttpLoad.WaitForAnswerAsync(http, url, cancellationToken);

        Console.WriteLine($"measuring: rollout of {replicas} replicas from v1 to v2 under load ({concurrency} workers through {url})");
        using var stop = new CancellationTokenSource();
        var load = HttpLoad.RunAsync(http, url, concurrency, stop.Token, keepAnswers: true);
        var clock = Stopwatch.StartNew();
        await sdk.Client.ApplyAsync(WebDeclaration.Build("v2", replicas), cancellationToken);
        var rollouts = sdk.Services.GetRequiredService<IRolloutClient>();
        var progress = new Progress<RolloutStatus>(s => Console.WriteLine($"  {clock.Elapsed.TotalSeconds,6:0.0} s  {s.Message}"));
        var status = await rollouts.WaitAsync("web", progress, cancellationToken: cancellationToken);
        var wall = clock.Elapsed;
        await stop.CancelAsync();
        var result = await load;

        var inv = CultureInfo.InvariantCulture;
        new ResultTable()
            .Add("replicas", replicas.ToString(inv))
            .Add("rollout complete", status.IsComplete ? "yes" : "no: " + status.Message)
            .Add("rollout wall time (s)", wall.TotalSeconds.ToString("0.00", inv))
            .Add("requests sent during the rollout", (result.Succeeded + result.Failed).ToString(inv))
            .Add("answered by v1", result.Answers.Count(a => a == "v1").ToString(inv))
            .Add("answered by v2", result.Answers.Count(a => a == "v2").ToString(inv))
            .Add("p99 latency (ms)", result.Percentile(0.99).ToString("0.00", inv))
            .Add("failed requests", result.Failed.ToString(inv))
            .Print(Console.Out);
        foreach (var error in result.Errors.Distinct().Take(5))
        {
            Console.WriteLine("  failure: " + error);
        }

        Console.WriteLine($"failed requests: {result.Failed.ToString(inv)}");
        return status.IsComplete && result.Failed == 0 ? 0 : 1;
    }
}
