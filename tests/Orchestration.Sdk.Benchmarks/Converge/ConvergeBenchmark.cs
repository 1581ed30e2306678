using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Sdk.Informers;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Testing;

namespace Orchestration.Sdk.Benchmarks.Converge;

/// <summary>
/// <c>converge --replicas 10000 --nodes 500</c>: the whole system in memory, on the real clock. One deployment of
/// that many replicas is applied through the public client to a started <see cref="TestCluster"/>; the run ends when
/// every pod is Ready. Prints the time from apply to the last Ready, pods/s per tenth of the run (pods that
/// became Ready in each tenth of the wall time), the managed heap after the run and the process's peak RSS. Last line <c>converge/s: &lt;seconds&gt;</c>.
/// </summary>
internal sealed class ConvergeBenchmark : IBenchmarkCommand
{
    public string Name => "converge";

    public string Usage => "--replicas 10000 --nodes 500 [--warmup 1] [--timeout 600]";

    public async Task<int> RunAsync(BenchmarkArguments arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var replicas = arguments.Int("replicas", 10000);
        var nodeCount = arguments.Int("nodes", 500);
        var warmupRounds = arguments.Int("warmup", 1);
        if (replicas <= 0 || nodeCount <= 0 || warmupRounds < 0)
        {
            throw new ArgumentException("--replicas and --nodes must be positive, --warmup must not be negative");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(arguments.Int("timeout", 600)));
        var inv = CultureInfo.InvariantCulture;
        TimeSpan? cold = null;
        for (var i = 1; i <= warmupRounds; i++)
        {
            // As the scheduling benchmark: the JIT compiles the hot paths again with profile data over the first
            // seconds, so the measured round is the steady state (a Go control plane starts compiled). The first
            // round's time is printed too: it is what a process's first deployment of this size costs.
            Console.WriteLine($"warm-up round {i}/{warmupRounds}: {replicas} replicas on {nodeCount} nodes (not measured)");
            var warm = await RoundAsync(replicas, nodeCount, timeout.Token);
            cold ??= warm.Wall;
        }

        var r = await RoundAsync(replicas, nodeCount, timeout.Token);
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var self = Process.GetCurrentProcess();
        var peakRss = self.PeakWorkingSet64;
        var table = new ResultTable()
            .Add("nodes", nodeCount.ToString(inv))
            .Add("replicas", replicas.ToString(inv))
            .Add("warm-up rounds before this one", warmupRounds.ToString(inv))
            .Add("apply to all Ready", $"{r.Wall.TotalMilliseconds.ToString("F0", inv)} ms")
            .Add("  the first (cold) round", cold is { } c ? $"{c.TotalMilliseconds.ToString("F0", inv)} ms" : "(this one)")
            .Add("pods/s overall", (replicas / r.Wall.TotalSeconds).ToString("F0", inv));
        for (var i = 0; i < r.Tenths.Count; i++)
        {
            table.Add($"pods/s in tenth {i + 1}", r.Tenths[i].ToString("F0", inv));
        }

        table.Add("last tenth / first tenth", (r.Tenths[^1] / r.Tenths[0]).ToString("F2", inv))
            .Add("GC collections gen0/gen2 during the run", r.Collections)
            .Add("managed heap after the run", $"{(heap / 1048576.0).ToString("F0", inv)} MiB")
            .Add("peak RSS (whole process, all rounds)", $"{(peakRss / 1048576.0).ToString("F0", inv)} MiB")
            .Print(Console.Out);
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        Console.WriteLine($"converge/s: {r.Wall.TotalSeconds.ToString("F3", inv)}");
        return 0;
    }

    /// <summary>One round in its own cluster, disposed before it returns: apply, wait until every pod is Ready.</summary>
    private static async Task<(TimeSpan Wall, List<double> Tenths, string Collections)> RoundAsync(int replicas, int nodeCount, CancellationToken cancellationToken)
    {
        var maxPods = Math.Max(110, (replicas / nodeCount) + 10);
        await using var cluster = await TestCluster.StartAsync(
            nodes: n =>
            {
                for (var i = 1; i <= nodeCount; i++)
                {
                    n.Add($"node-{i}", cpu: 64, memory: "256Gi", maxPods: maxPods);
                }
            },
            cancellationToken: cancellationToken);

        // When each pod first became Ready, in the order it happened (the informer tells every change once, in order).
        var readyAt = new List<long>(replicas);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var allReady = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var informer = cluster.Services.GetRequiredService<ISharedInformerFactory>().For<Pod>();
        using var registration = informer.AddEventHandler(new ResourceEventHandler<Pod>
        {
            Updated = (_, pod) =>
            {
                // Pods replaced during the run become Ready too: count the first `replicas`, and keep the list still
                // once the run is over (the main thread reads it then).
                lock (readyAt)
                {
                    if (pod.Status.IsReady && readyAt.Count < replicas && seen.Add(pod.Metadata.Uid))
                    {
                        readyAt.Add(Stopwatch.GetTimestamp());
                        if (readyAt.Count == replicas)
                        {
                            allReady.TrySetResult();
                        }
                    }
                }
            },
        });

        var app = new AppDeclaration();
        app.AddDeployment("web").WithImage("web:1").WithReplicas(replicas);
        var gen0 = GC.CollectionCount(0);
        var gen2 = GC.CollectionCount(2);
        var thrown = new System.Collections.Concurrent.ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        void Count(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e) =>
            thrown.AddOrUpdate($"{e.Exception.GetType().Name}: {e.Exception.Message[..Math.Min(80, e.Exception.Message.Length)]}", 1, (_, n) => n + 1);
        AppDomain.CurrentDomain.FirstChanceException += Count;
        var start = Stopwatch.GetTimestamp();
        await cluster.Client.ApplyAsync(app, cancellationToken);
        await allReady.Task.WaitAsync(cancellationToken);
        var wall = Stopwatch.GetElapsedTime(start);
        AppDomain.CurrentDomain.FirstChanceException -= Count;
        foreach (var (what, n) in thrown.OrderByDescending(p => p.Value).Take(5))
        {
            Console.WriteLine($"thrown during the round: {n} x {what}");
        }

        var collections = $"{GC.CollectionCount(0) - gen0}/{GC.CollectionCount(2) - gen2}";
        List<long> ready;
        lock (readyAt)
        {
            ready = [.. readyAt];
        }

        return (wall, Tenths(start, ready), collections);
    }

    /// <summary>Pods/s in each tenth of the run's wall time: the pods that became Ready in that window over its length.</summary>
    private static List<double> Tenths(long start, List<long> readyAt)
    {
        var end = readyAt[^1];
        var window = (end - start) / 10.0;
        var counts = new int[10];
        foreach (var at in readyAt)
        {
            counts[Math.Min(9, (int)((at - start) / window))]++;
        }

        var seconds = window / Stopwatch.Frequency;
        return [.. counts.Select(c => c / seconds)];
    }
}
