using System.Text.Json;
using Docker.DotNet.Models;
using Orchestration.Sdk.Docker.Metrics;

namespace Orchestration.Sdk.Docker.Tests.Unit.Metrics;

public sealed class DockerStatsMathTests
{
    public static TheoryData<string, double, ulong> Recordings => new()
    {
        // 1 002 102 128 ns of CPU over 1.005884 s between the engine's reads (100 ns resolution).
        { nameof(DockerStatsRecordings.CgroupV1), 0.996240250, 47_603_712 - 45_756_416 },
        // 251 000 000 ns over 1.004 s; 50 MiB - 20 MiB inactive_file.
        { nameof(DockerStatsRecordings.CgroupV2), 0.25, 30 * 1024 * 1024 },
    };

    [Theory]
    [MemberData(nameof(Recordings))]
    public void CpuCores_RecordedEnginePair_IsTheRateOverTheReadTimestamps(string recording, double cores, ulong _)
    {
        var stats = Parse(Recording(recording))!;

        var usage = DockerStatsMath.CpuCores(stats.PreviousCpu!, stats.Cpu);

        Assert.NotNull(usage);
        Assert.Equal(cores, (double)usage.Value, 6);
    }

    [Theory]
    [MemberData(nameof(Recordings))]
    public void WorkingSetBytes_Recording_IsUsageMinusInactiveFile(string recording, double _, ulong workingSet)
    {
        var stats = Parse(Recording(recording))!;

        Assert.Equal(workingSet, DockerStatsMath.WorkingSetBytes(stats.MemoryUsage, stats.MemoryStats));
    }

    [Fact]
    public void Parse_CgroupV1Recording_ReadsBothSamplesWithTheirTimestamps()
    {
        var stats = Parse(DockerStatsRecordings.CgroupV1)!;

        Assert.Equal(5_047_575_799UL, stats.Cpu.TotalUsageNanoseconds);
        Assert.Equal(4_045_473_671UL, stats.PreviousCpu!.TotalUsageNanoseconds);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 21, 10, 43, TimeSpan.Zero).AddTicks(8_820_500), stats.Cpu.ReadAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 21, 10, 42, TimeSpan.Zero).AddTicks(8_761_660), stats.PreviousCpu.ReadAt);
        Assert.Equal(16_786_920_000_000UL, stats.Cpu.SystemUsageNanoseconds);
        Assert.Equal(2U, stats.Cpu.OnlineCpus);
        Assert.Equal(47_603_712UL, stats.MemoryUsage);
    }

    [Fact]
    public void Parse_OneShotRecording_HasNoPreviousSample()
    {
        var stats = Parse(DockerStatsRecordings.OneShot)!;

        Assert.Null(stats.PreviousCpu);
        Assert.Equal(2_126_867_029UL, stats.Cpu.TotalUsageNanoseconds);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"read":"0001-01-01T00:00:00Z","cpu_stats":{"cpu_usage":{"total_usage":0}},"memory_stats":{}}""")]
    public void Parse_ContainerNotRunning_IsNull(string json) => Assert.Null(Parse(json));

    [Theory]
    [InlineData(nameof(DockerStatsRecordings.CgroupV1), 1_002_102_128.0 / 2_010_000_000 * 2)]
    [InlineData(nameof(DockerStatsRecordings.CgroupV2), 0.25)]
    public void CpuCores_WithoutTimestamps_IsDockersSystemDeltaTimesOnlineCpus(string recording, double cores)
    {
        var stats = Parse(Recording(recording))!;

        var usage = DockerStatsMath.CpuCores(stats.PreviousCpu! with { ReadAt = null }, stats.Cpu with { ReadAt = null });

        Assert.Equal(cores, (double)usage!.Value, 6);
    }

    [Fact]
    public void CpuCores_OwnPreviousSample_IsTheRateOverTheWindowBetweenReadings()
    {
        var start = new DateTimeOffset(2026, 11, 24, 21, 0, 0, TimeSpan.Zero);
        var previous = new CpuSample(10_000_000_000, start, null, null);
        var current = new CpuSample(13_000_000_000, start.AddSeconds(15), null, null);

        Assert.Equal(0.2m, DockerStatsMath.CpuCores(previous, current));
    }

    [Fact]
    public void CpuCores_CounterWentBackwards_IsNull()
    {
        var now = DateTimeOffset.UnixEpoch;
        Assert.Null(DockerStatsMath.CpuCores(new CpuSample(500, now, 10, 2), new CpuSample(100, now.AddSeconds(1), 20, 2)));
    }

    [Fact]
    public void CpuCores_NoWindow_IsNull()
    {
        var now = DateTimeOffset.UnixEpoch;
        Assert.Null(DockerStatsMath.CpuCores(new CpuSample(100, now, null, null), new CpuSample(200, now, null, null)));
    }

    [Theory]
    [InlineData(1000UL, "total_inactive_file=300,inactive_file=100", 700UL)] // v1: the hierarchy's total, as cAdvisor
    [InlineData(1000UL, "inactive_file=100", 900UL)] // v2
    [InlineData(1000UL, "inactive_file=4000", 0UL)] // never below zero
    [InlineData(1000UL, "", 1000UL)] // no inactive file reported: the usage
    public void WorkingSetBytes_Counters_AsCAdvisor(ulong usage, string counters, ulong expected)
    {
        var stats = counters.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('='))
            .ToDictionary(pair => pair[0], pair => ulong.Parse(pair[1], System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, DockerStatsMath.WorkingSetBytes(usage, stats));
    }

    [Fact]
    public void WorkingSetBytes_NoUsage_IsNull() =>
        Assert.Null(DockerStatsMath.WorkingSetBytes(null, new Dictionary<string, ulong> { ["inactive_file"] = 1 }));

    /// <summary>Reads a recorded answer into the client's model, then as the provider does.</summary>
    internal static DockerStatsSnapshot? Parse(string json) =>
        DockerStatsSnapshot.From(JsonSerializer.Deserialize<ContainerStatsResponse>(json));

    private static string Recording(string name) => name switch
    {
        nameof(DockerStatsRecordings.CgroupV1) => DockerStatsRecordings.CgroupV1,
        nameof(DockerStatsRecordings.CgroupV2) => DockerStatsRecordings.CgroupV2,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
