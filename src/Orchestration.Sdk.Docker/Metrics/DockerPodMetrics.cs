using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Autoscaling;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Docker.Metrics;

/// <summary>
/// The autoscaler's pod metrics on Docker, from the engine's stats API, computed as metrics-server reports them:
/// per pod, the sum over its running app containers (not the pause sandbox) of the CPU usage in cores (the rate of
/// the cumulative CPU counter over a window) and of the memory working set in bytes. A container's first reading
/// uses the engine's own two samples (about 1 s apart); later readings are one-shot and the window is the time since
/// this provider's previous reading of that container (the sync period), unless that is older than
/// <see cref="MaxWindow"/>. A pod is missing from the result when a container's statistics cannot be read.
/// </summary>
internal sealed partial class DockerPodMetrics : IPodMetricsProvider
{
    /// <summary>How many containers are read at once.</summary>
    public const int MaxConcurrency = 4;

    private readonly ConcurrentDictionary<string, ContainerReading> _last = new(StringComparer.Ordinal);
    private readonly IContainerStatsSource _source;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public DockerPodMetrics(IContainerStatsSource source, TimeProvider time, ILogger<DockerPodMetrics> logger)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _source = source;
        _time = time;
        _logger = logger;
    }

    /// <summary>A reading younger than this is reused as it is (two metrics of one autoscaler read the same pods back to back).</summary>
    public static TimeSpan MinWindow { get; } = TimeSpan.FromSeconds(1);

    /// <summary>A previous reading older than this is not used as the start of the window; the engine's own samples are.</summary>
    public static TimeSpan MaxWindow { get; } = TimeSpan.FromMinutes(1);

    public async ValueTask<IReadOnlyDictionary<string, PodUsage>> GetUsageAsync(IReadOnlyList<Pod> pods, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pods);
        var result = new Dictionary<string, PodUsage>(StringComparer.Ordinal);
        if (pods.Count == 0)
        {
            return result;
        }

        var running = await _source.ListRunningPodContainersAsync(cancellationToken).ConfigureAwait(false);
        Forget(running);
        var byPod = running.ToLookup(c => c.PodUid, StringComparer.Ordinal);
        var wanted = pods.Where(p => byPod.Contains(p.Metadata.Uid)).ToList();
        var containers = wanted.SelectMany(p => byPod[p.Metadata.Uid]).ToList();
        var usage = new ConcurrentDictionary<string, ContainerUsage?>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            containers,
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrency, CancellationToken = cancellationToken },
            async (container, ct) => usage[container.Id] = await ReadAsync(container.Id, ct).ConfigureAwait(false)).ConfigureAwait(false);

        foreach (var pod in wanted)
        {
            if (Sum(byPod[pod.Metadata.Uid].Select(c => usage.GetValueOrDefault(c.Id))) is { } podUsage)
            {
                result[pod.Metadata.Name] = podUsage;
            }
            else
            {
                LogPodMissing(pod.Metadata.Namespace, pod.Metadata.Name);
            }
        }

        return result;
    }

    /// <summary>The pod's usage: the sums over its containers, each resource only when every container has it.</summary>
    private static PodUsage? Sum(IEnumerable<ContainerUsage?> containers)
    {
        decimal? cpu = 0;
        decimal? memory = 0;
        foreach (var container in containers)
        {
            cpu = container?.Cores is { } cores ? cpu + cores : null;
            memory = container?.WorkingSetBytes is { } bytes ? memory + bytes : null;
        }

        return cpu is null && memory is null
            ? null
            : new PodUsage(cpu is { } c ? Quantity.FromDecimal(c) : (Quantity?)null, memory is { } m ? Quantity.FromBytes((long)m) : (Quantity?)null);
    }

    private async Task<ContainerUsage?> ReadAsync(string containerId, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var previous = _last.GetValueOrDefault(containerId);
        if (previous is not null && now - previous.TakenAt < MinWindow && previous.Usage is { } recent)
        {
            return recent;
        }

        var windowStart = previous is not null && now - previous.TakenAt <= MaxWindow ? previous.Cpu : null;
        DockerStatsSnapshot? stats;
        try
        {
            stats = await _source.ReadStatsAsync(containerId, oneShot: windowStart is not null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogStatsFailed(containerId, e.Message);
            return null;
        }

        if (stats is null)
        {
            _last.TryRemove(containerId, out _);
            return null;
        }

        var start = windowStart ?? stats.PreviousCpu;
        var usage = new ContainerUsage(
            start is null ? null : DockerStatsMath.CpuCores(start, stats.Cpu),
            DockerStatsMath.WorkingSetBytes(stats.MemoryUsage, stats.MemoryStats));
        _last[containerId] = new ContainerReading(_time.GetUtcNow(), stats.Cpu, usage);
        return usage;
    }

    /// <summary>Drops the readings of containers that no longer run.</summary>
    private void Forget(IReadOnlyList<StatsContainer> running)
    {
        var ids = running.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in _last.Keys)
        {
            if (!ids.Contains(id))
            {
                _last.TryRemove(id, out _);
            }
        }
    }

    [LoggerMessage(EventId = 3091, Level = LogLevel.Debug, Message = "Could not read the stats of container {ContainerId}: {Error}")]
    private partial void LogStatsFailed(string containerId, string error);

    [LoggerMessage(EventId = 3092, Level = LogLevel.Debug, Message = "No complete metrics for pod {Namespace}/{Pod}: a container's statistics could not be read")]
    private partial void LogPodMissing(string @namespace, string pod);

    private sealed record ContainerUsage(decimal? Cores, ulong? WorkingSetBytes);

    private sealed record ContainerReading(DateTimeOffset TakenAt, CpuSample Cpu, ContainerUsage Usage);
}
