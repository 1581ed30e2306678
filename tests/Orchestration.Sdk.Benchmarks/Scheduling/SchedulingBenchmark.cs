using System.Globalization;
using Orchestration.Sdk.Scheduling;

namespace Orchestration.Sdk.Benchmarks.Scheduling;

/// <summary>
/// <c>scheduling --nodes 5000 --pods 10000</c>: the shape of Kubernetes' SchedulingBasic scheduler_perf test
/// (nodes of 4 CPU, 32Gi, 110 pods; pods requesting 100m and 500Mi). Runs the real <see cref="Scheduler"/> over a
/// ResourceStore until every pod is bound and prints a table whose last line is <c>pods/s: N</c>.
/// </summary>
internal sealed class SchedulingBenchmark : IBenchmarkCommand
{
    public string Name => "scheduling";

    public string Usage =>
        "--nodes 5000 --pods 10000 [--owners 0] [--strategy LeastAllocated|MostAllocated] [--percentage 0] [--warmup 1] [--timeout 600] [--persist]";

    public async Task<int> RunAsync(BenchmarkArguments arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var shape = new SchedulingShape(
            Nodes: arguments.Int("nodes", 5000),
            Pods: arguments.Int("pods", 10000),
            Owners: arguments.Int("owners", 0),
            Options: new SchedulerOptions
            {
                ScoringStrategy = Enum.Parse<ScoringStrategy>(arguments.String("strategy", nameof(ScoringStrategy.LeastAllocated))!, ignoreCase: true),
                PercentageOfNodesToScore = arguments.Int("percentage", 0),
            },
            Persist: arguments.Has("persist"));
        if (shape.Nodes <= 0 || shape.Pods <= 0 || shape.Owners < 0)
        {
            throw new ArgumentException("--nodes and --pods must be positive, --owners must not be negative");
        }

        var timeout = TimeSpan.FromSeconds(arguments.Int("timeout", 600));
        var warmupRounds = arguments.Int("warmup", 1);
        for (var i = 1; i <= warmupRounds; i++)
        {
            // The JIT recompiles hot code with profile data over the first seconds: measure the steady state, as a Go binary starts in.
            Console.WriteLine($"warm-up round {i}/{warmupRounds}: {shape.Pods} pods on {shape.Nodes} nodes (not measured)");
            await SchedulingRound.RunAsync(shape, timeout, cancellationToken);
        }

        Console.WriteLine($"measuring: {shape.Pods} pods on {shape.Nodes} nodes");
        var result = await SchedulingRound.RunAsync(shape, timeout, cancellationToken);
        Print(shape, result);
        return result.Unbound == 0 ? 0 : 1;
    }

    private static void Print(SchedulingShape shape, RoundResult r)
    {
        var inv = CultureInfo.InvariantCulture;
        var podsPerSecond = shape.Pods / r.Wall.TotalSeconds;
        new ResultTable()
            .Add("nodes", shape.Nodes.ToString(inv))
            .Add("pods", shape.Pods.ToString(inv))
            .Add("controllers (owners)", shape.Owners.ToString(inv))
            .Add("scoring strategy", shape.Options.ScoringStrategy.ToString())
            .Add("store", shape.Persist ? "persistent (SQLite)" : "in memory")
            .Add("feasible nodes looked for per pod", SchedulingFramework.NumFeasibleNodesToFind(shape.Options.PercentageOfNodesToScore, shape.Nodes).ToString(inv))
            .Add("pods left unbound", r.Unbound.ToString(inv))
            .Add("most pods on one node", r.MaxPodsPerNode.ToString(inv))
            .Add("wall time, first create to last bind", $"{r.Wall.TotalMilliseconds.ToString("F0", inv)} ms")
            .Add("  of which creating the pods", $"{r.Creating.TotalMilliseconds.ToString("F0", inv)} ms")
            .Add("attempt latency p50 (filter+score+bind)", Micro(r.Percentile(0.50)))
            .Add("attempt latency p99", Micro(r.Percentile(0.99)))
            .Add("attempt latency max", Micro(r.Percentile(1.0)))
            .Add("allocated per pod (whole process)", $"{(r.AllocatedBytes / (double)shape.Pods / 1024).ToString("F1", inv)} KiB")
            .Add("GC collections gen0/gen1/gen2", $"{r.Gen0}/{r.Gen1}/{r.Gen2}")
            .Add("pods/s", podsPerSecond.ToString("F0", inv))
            .Print(Console.Out);
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        Console.WriteLine($"pods/s: {podsPerSecond.ToString("F0", inv)}");

        static string Micro(double seconds) => $"{(seconds * 1e6).ToString("F1", CultureInfo.InvariantCulture)} µs";
    }
}
