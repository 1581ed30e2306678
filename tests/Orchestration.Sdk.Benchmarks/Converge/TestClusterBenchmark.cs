using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Testing;

namespace Orchestration.Sdk.Benchmarks.Converge;

/// <summary>
/// <c>testcluster [--rounds 200]</c>: what one test pays for a cluster. Each round starts a <see cref="TestCluster"/>
/// on a fake clock with a 3-replica deployment, waits until its 3 replicas are Ready, and disposes it; the first
/// <c>--warmup</c> rounds are not counted. Prints p50/p90/p99 of start, Ready and dispose, and of the whole round.
/// Last line <c>testcluster p50 ms: &lt;ms&gt;</c>.
/// </summary>
internal sealed class TestClusterBenchmark : IBenchmarkCommand
{
    public string Name => "testcluster";

    public string Usage => "[--rounds 200] [--warmup 20]";

    public async Task<int> RunAsync(BenchmarkArguments arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var rounds = arguments.Int("rounds", 200);
        var warmup = arguments.Int("warmup", 20);
        if (rounds <= 0 || warmup < 0)
        {
            throw new ArgumentException("--rounds must be positive and --warmup not negative");
        }

        var start = new List<double>(rounds);
        var ready = new List<double>(rounds);
        var dispose = new List<double>(rounds);
        var total = new List<double>(rounds);
        for (var i = 0; i < warmup + rounds; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            var cluster = await TestCluster.StartAsync(
                app => app.AddDeployment("web").WithImage("web:1").WithReplicas(3),
                time: new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)),
                cancellationToken: cancellationToken);
            var t1 = Stopwatch.GetTimestamp();
            await cluster.WaitForReadyReplicasAsync("web", 3);
            var t2 = Stopwatch.GetTimestamp();
            await cluster.DisposeAsync();
            var t3 = Stopwatch.GetTimestamp();
            if (i >= warmup)
            {
                start.Add(Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds);
                ready.Add(Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds);
                dispose.Add(Stopwatch.GetElapsedTime(t2, t3).TotalMilliseconds);
                total.Add(Stopwatch.GetElapsedTime(t0, t3).TotalMilliseconds);
            }
        }

        var table = new ResultTable().Add("rounds counted (after warm-up)", $"{rounds} (after {warmup})");
        foreach (var (name, values) in new[] { ("start", start), ("3 replicas Ready", ready), ("dispose", dispose), ("whole round", total) })
        {
            table.Add($"{name} p50 / p90 / p99", $"{Ms(values, 0.5)} / {Ms(values, 0.9)} / {Ms(values, 0.99)} ms");
        }

        table.Print(Console.Out);
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        Console.WriteLine($"testcluster p50 ms: {Ms(total, 0.5)}");
        return 0;
    }

    private static string Ms(List<double> values, double quantile)
    {
        var sorted = values.Order().ToList();
        var index = Math.Clamp((int)Math.Ceiling(quantile * sorted.Count) - 1, 0, sorted.Count - 1);
        return sorted[index].ToString("F2", CultureInfo.InvariantCulture);
    }
}
