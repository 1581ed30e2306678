using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using Orchestration.Sdk.Configuration;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Benchmarks.Store;

/// <summary>
/// Durable write throughput: creates into a store with persistence on (SQLite, each write committed before it
/// returns) versus off, in alternating rounds of one run; and whether a write's cost grows with the objects held
/// (the first and the last thousand creates of a round, side by side).
/// </summary>
internal sealed class StoreWritesBenchmark : IBenchmarkCommand
{
    public string Name => "store-writes";

    public string Usage => "[--objects 20000] [--rounds 3]   durable vs in-memory creates/s and p99; last line durable/in-memory";

    public Task<int> RunAsync(BenchmarkArguments arguments, CancellationToken cancellationToken)
    {
        var objects = arguments.Int("objects", 20_000);
        var rounds = arguments.Int("rounds", 3);
        var dir = Directory.CreateTempSubdirectory("store-writes-").FullName;
        try
        {
            var memory = new List<Round>();
            var durable = new List<Round>();
            for (var r = 0; r < rounds && !cancellationToken.IsCancellationRequested; r++)
            {
                memory.Add(Run(null, objects));
                durable.Add(Run(Path.Combine(dir, $"round-{r}.db"), objects));
            }

            var table = new ResultTable()
                .Add("objects per round", objects.ToString(CultureInfo.InvariantCulture))
                .Add("rounds (A B alternating)", rounds.ToString(CultureInfo.InvariantCulture))
                .Add("in-memory creates/s (median)", Median(memory, x => x.PerSecond).ToString("N0", CultureInfo.InvariantCulture))
                .Add("durable creates/s (median)", Median(durable, x => x.PerSecond).ToString("N0", CultureInfo.InvariantCulture))
                .Add("in-memory p99 (µs)", Median(memory, x => x.P99Micros).ToString("N1", CultureInfo.InvariantCulture))
                .Add("durable p99 (µs)", Median(durable, x => x.P99Micros).ToString("N1", CultureInfo.InvariantCulture))
                .Add("durable last-1000 / first-1000 time", Median(durable, x => x.Growth).ToString("N2", CultureInfo.InvariantCulture));
            table.Print(Console.Out);
            Console.WriteLine($"durable/in-memory: {Median(durable, x => x.PerSecond) / Median(memory, x => x.PerSecond):N3}");
            return Task.FromResult(0);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    private static Round Run(string? path, int objects)
    {
        using var store = new ResourceStore(TimeProvider.System, Options.Create(new StoreOptions { PersistencePath = path }));
        var latencies = new double[objects];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < objects; i++)
        {
            var start = Stopwatch.GetTimestamp();
            store.Create(new ConfigMap
            {
                Metadata = new ObjectMeta { Name = $"cm-{i}", Namespace = "default", Labels = new Dictionary<string, string> { ["app"] = "bench" } },
                Data = new Dictionary<string, string> { ["key"] = "value-" + i.ToString(CultureInfo.InvariantCulture) },
            });
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        total.Stop();
        var window = Math.Min(1000, objects / 2);
        var growth = latencies[^window..].Sum() / latencies[..window].Sum();
        Array.Sort(latencies);
        return new Round(objects / total.Elapsed.TotalSeconds, latencies[(int)(objects * 0.99)], growth);
    }

    private static double Median(List<Round> rounds, Func<Round, double> value)
    {
        var sorted = rounds.Select(value).Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private sealed record Round(double PerSecond, double P99Micros, double Growth);
}
