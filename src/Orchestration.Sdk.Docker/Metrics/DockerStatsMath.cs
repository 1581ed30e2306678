namespace Orchestration.Sdk.Docker.Metrics;

/// <summary>
/// The arithmetic of the metrics pipeline (cAdvisor, as the kubelet's summary API and metrics-server report it):
/// CPU usage is the rate of the cumulative CPU counter over a window, in cores; memory is the working set.
/// </summary>
internal static class DockerStatsMath
{
    /// <summary>
    /// CPU usage in cores between two readings: Δtotal_usage / Δtime, with the engine's read timestamps (cAdvisor's
    /// rate). Without timestamps, Docker's own formula: Δtotal_usage / Δsystem_cpu_usage × online CPUs. Null when
    /// there is no window, or when the counter went backwards (a different container instance).
    /// </summary>
    public static decimal? CpuCores(CpuSample previous, CpuSample current)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        if (current.TotalUsageNanoseconds < previous.TotalUsageNanoseconds)
        {
            return null;
        }

        decimal used = current.TotalUsageNanoseconds - previous.TotalUsageNanoseconds;
        if (current.ReadAt is { } now && previous.ReadAt is { } then && now > then)
        {
            var windowNanoseconds = (now - then).Ticks * 100m;
            return Round(used / windowNanoseconds);
        }

        if (current.SystemUsageNanoseconds is { } system && previous.SystemUsageNanoseconds is { } before && system > before
            && (current.OnlineCpus ?? previous.OnlineCpus) is { } cpus and > 0)
        {
            return Round(used / (system - before) * cpus);
        }

        return null;
    }

    /// <summary>
    /// The memory working set in bytes, as cAdvisor computes it: usage minus the inactive file cache
    /// (<c>total_inactive_file</c> on cgroup v1, <c>inactive_file</c> on cgroup v2), never below zero. Null without usage.
    /// </summary>
    public static ulong? WorkingSetBytes(ulong? usage, IReadOnlyDictionary<string, ulong> memoryStats)
    {
        ArgumentNullException.ThrowIfNull(memoryStats);
        if (usage is not { } workingSet)
        {
            return null;
        }

        // cgroup v1 reports both the cgroup's own inactive_file and the hierarchy's total_inactive_file: cAdvisor uses the total.
        if (memoryStats.TryGetValue("total_inactive_file", out var inactive) || memoryStats.TryGetValue("inactive_file", out inactive))
        {
            return workingSet < inactive ? 0 : workingSet - inactive;
        }

        return workingSet;
    }

    /// <summary>Nanocores, the resolution metrics-server reports.</summary>
    private static decimal Round(decimal cores) => decimal.Round(cores, 9, MidpointRounding.AwayFromZero);
}
