using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Testing.Chaos;

namespace Orchestration.Sdk.Benchmarks.Chaos;

/// <summary>
/// <c>chaos --faults 1000 --seed N</c>: the seeded chaos run on the in-memory runtime with a fake clock; prints the
/// faults by kind, the checks and each violation, last <c>violations: N</c>; exits 1 when there is any.
/// </summary>
internal sealed class ChaosBenchmark : IBenchmarkCommand
{
    public string Name => "chaos";

    public string Usage => "[--faults 1000] [--seed 1]   seeded faults on the in-memory runtime; last line violations: N";

    public async Task<int> RunAsync(BenchmarkArguments arguments, CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        var options = new ChaosOptions { Faults = arguments.Int("faults", 1000), Seed = arguments.Int("seed", 1) };
        var report = await ChaosRun.RunAsync(options, time, time.Advance, cancellationToken).ConfigureAwait(false);
        report.Print(Console.Out);
        return report.Violations.Count == 0 ? 0 : 1;
    }
}
