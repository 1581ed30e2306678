using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Testing.Chaos;

namespace Orchestration.Sdk.Tests.Hosting;

/// <summary>The chaos suite's short variant on every CI run (the long one: the benchmark runner's <c>chaos</c>).</summary>
public sealed class ChaosRunTests
{
    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public async Task SeededFaults_EndInTheDeclaredState_WithNoViolation(int seed)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

        var report = await ChaosRun.RunAsync(new ChaosOptions { Faults = 40, Seed = seed }, time, time.Advance);

        using var printed = new StringWriter();
        report.Print(printed);
        Assert.True(report.Violations.Count == 0, printed.ToString());
        Assert.Equal(40, report.FaultsByKind.Values.Sum());
        Assert.True(report.Checks > 80, $"only {report.Checks} checks were made");
        Assert.EndsWith("violations: 0" + Environment.NewLine, printed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARunGivenNoTimeToConverge_ReportsTheViolation()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

        var report = await ChaosRun.RunAsync(new ChaosOptions { Faults = 5, Seed = 3, ConvergenceLimit = TimeSpan.Zero }, time, time.Advance);

        Assert.Contains(report.Violations, v => v.Contains("not converged", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheSameSeed_InjectsTheSameFaults()
    {
        static async Task<IReadOnlyDictionary<string, int>> Faults(int seed)
        {
            var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
            return (await ChaosRun.RunAsync(new ChaosOptions { Faults = 15, Seed = seed }, time, time.Advance)).FaultsByKind;
        }

        Assert.Equal(await Faults(5), await Faults(5));
        Assert.NotEqual(await Faults(5), await Faults(6));
    }
}
