using Docker.DotNet.Models;

namespace Orchestration.Sdk.Docker.Metrics;

/// <summary>
/// The fields of one answer of the engine's stats API (<c>GET /containers/{id}/stats?stream=false</c>) that the
/// autoscaler needs: cumulative CPU time with its read timestamp (and the engine's previous sample, when it took
/// one), and the cgroup's memory usage with its <c>memory.stat</c> counters.
/// </summary>
internal sealed record DockerStatsSnapshot
{
    /// <summary>The CPU counters, read at <c>read</c>.</summary>
    public required CpuSample Cpu { get; init; }

    /// <summary>The engine's previous sample (about 1 s earlier, at <c>preread</c>), or null when it sent none (one-shot).</summary>
    public CpuSample? PreviousCpu { get; init; }

    /// <summary>The cgroup's memory usage in bytes (<c>memory_stats.usage</c>), or null when the engine reported none.</summary>
    public ulong? MemoryUsage { get; init; }

    /// <summary>The cgroup's <c>memory.stat</c> counters (<c>memory_stats.stats</c>).</summary>
    public IReadOnlyDictionary<string, ulong> MemoryStats { get; init; } = new Dictionary<string, ulong>(StringComparer.Ordinal);

    /// <summary>Reads an engine answer; null when it carries no CPU counter (a container that is not running).</summary>
    /// <param name="response">The engine's answer.</param>
    public static DockerStatsSnapshot? From(ContainerStatsResponse? response)
    {
        if (response is null || ToSample(response.CPUStats, response.Read) is not { } cpu)
        {
            return null;
        }

        var memory = response.MemoryStats;
        return new DockerStatsSnapshot
        {
            Cpu = cpu,
            PreviousCpu = ToSample(response.PreCPUStats, response.PreRead),
            MemoryUsage = memory is null || (memory.Usage == 0 && memory.Stats is null or { Count: 0 }) ? null : memory.Usage,
            MemoryStats = memory?.Stats is { } stats
                ? new Dictionary<string, ulong>(stats, StringComparer.Ordinal)
                : new Dictionary<string, ulong>(StringComparer.Ordinal),
        };
    }

    private static CpuSample? ToSample(CPUStats? stats, DateTime read)
    {
        if (stats?.CPUUsage is not { } usage)
        {
            return null;
        }

        DateTimeOffset? at = read.Year > 1
            ? new DateTimeOffset(read.Kind == DateTimeKind.Local ? read.ToUniversalTime() : DateTime.SpecifyKind(read, DateTimeKind.Utc))
            : null;

        // An engine that took no previous sample reports zeros with the zero time: that is no sample.
        if (usage.TotalUsage == 0 && at is null)
        {
            return null;
        }

        return new CpuSample(
            usage.TotalUsage,
            at,
            stats.SystemUsage == 0 ? null : stats.SystemUsage,
            stats.OnlineCPUs == 0 ? null : stats.OnlineCPUs);
    }
}
