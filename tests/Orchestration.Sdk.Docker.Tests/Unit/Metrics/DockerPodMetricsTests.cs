using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Autoscaling;
using Orchestration.Sdk.Docker.Metrics;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Docker.Tests.Unit.Metrics;

public sealed class DockerPodMetricsTests
{
    private const long Second = 1_000_000_000;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 21, 0, 0, TimeSpan.Zero));
    private readonly FakeStats _stats;
    private readonly IPodMetricsProvider _metrics;

    public DockerPodMetricsTests()
    {
        _stats = new FakeStats(_time);
        _metrics = new DockerPodMetrics(_stats, _time, NullLogger<DockerPodMetrics>.Instance);
    }

    [Fact]
    public async Task GetUsageAsync_PodWithTwoContainers_SumsCpuAndWorkingSetOverThem()
    {
        _stats.Run("app", "uid-a", cores: 0.3m, usage: 100, inactiveFile: 40);
        _stats.Run("sidecar", "uid-a", cores: 0.05m, usage: 30, inactiveFile: 0);

        var usage = await _metrics.GetUsageAsync([Pod("web-a", "uid-a")], CancellationToken.None);

        Assert.Equal(0.35m, usage["web-a"].Cpu!.Value.Value);
        Assert.Equal(90m, usage["web-a"].Memory!.Value.Value);
    }

    [Fact]
    public async Task GetUsageAsync_FirstReading_UsesTheEnginesTwoSamples_LaterOnesOneShotOverTheSyncPeriod()
    {
        _stats.Run("app", "uid-a", cores: 0.5m, usage: 10, inactiveFile: 0);
        await _metrics.GetUsageAsync([Pod("web-a", "uid-a")], CancellationToken.None);
        _stats.Burn("app", cores: 0.2m, over: TimeSpan.FromSeconds(15));
        _time.Advance(TimeSpan.FromSeconds(15));

        var usage = await _metrics.GetUsageAsync([Pod("web-a", "uid-a")], CancellationToken.None);

        Assert.Equal(new[] { false, true }, _stats.OneShots);
        Assert.Equal(0.2m, usage["web-a"].Cpu!.Value.Value); // the rate since the previous reading, not the engine's last second
    }

    [Fact]
    public async Task GetUsageAsync_ReadAgainWithinASecond_ReusesTheReading()
    {
        _stats.Run("app", "uid-a", cores: 0.5m, usage: 10, inactiveFile: 0);
        await _metrics.GetUsageAsync([Pod("web-a", "uid-a")], CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(500));

        var usage = await _metrics.GetUsageAsync([Pod("web-a", "uid-a")], CancellationToken.None);

        Assert.Single(_stats.OneShots);
        Assert.Equal(0.5m, usage["web-a"].Cpu!.Value.Value);
    }

    [Fact]
    public async Task GetUsageAsync_PreviousReadingOlderThanTheMaxWindow_UsesTheEnginesSamplesAgain()
    {
        _stats.Run("app", "uid-a", cores: 0.5m, usage: 10, inactiveFile: 0);
        await _metrics.GetUsageAsync([Pod("web-a", "uid-a")], CancellationToken.None);
        _time.Advance(DockerPodMetrics.MaxWindow + TimeSpan.FromSeconds(1));

        await _metrics.GetUsageAsync([Pod("web-a", "uid-a")], CancellationToken.None);

        Assert.Equal(new[] { false, false }, _stats.OneShots);
    }

    [Fact]
    public async Task GetUsageAsync_OneContainersStatsFail_ItsPodIsMissingOthersAreNot()
    {
        _stats.Run("app", "uid-a", cores: 0.5m, usage: 10, inactiveFile: 0);
        _stats.Run("sidecar", "uid-a", cores: 0.1m, usage: 10, inactiveFile: 0);
        _stats.Run("app-b", "uid-b", cores: 0.4m, usage: 10, inactiveFile: 0);
        _stats.Failing.Add("sidecar");

        var usage = await _metrics.GetUsageAsync([Pod("web-a", "uid-a"), Pod("web-b", "uid-b")], CancellationToken.None);

        Assert.Equal(new[] { "web-b" }, usage.Keys);
        Assert.Equal(0.4m, usage["web-b"].Cpu!.Value.Value);
    }

    [Fact]
    public async Task GetUsageAsync_PodWithoutRunningContainers_IsMissing_PodsMatchByUidNotName()
    {
        _stats.Run("app", "uid-old", cores: 0.5m, usage: 10, inactiveFile: 0);

        var usage = await _metrics.GetUsageAsync([Pod("web-a", "uid-new")], CancellationToken.None);

        Assert.Empty(usage);
        Assert.Empty(_stats.OneShots);
    }

    private static Pod Pod(string name, string uid) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "default", Uid = uid },
        Spec = new PodSpec(),
    };

    /// <summary>Containers with cumulative CPU counters that grow at a set rate; the engine's own samples are 1 s apart.</summary>
    private sealed class FakeStats(TimeProvider time) : IContainerStatsSource
    {
        private readonly Dictionary<string, (string PodUid, ulong Total, ulong Usage, ulong Inactive, decimal Cores)> _containers = [];

        public List<bool> OneShots { get; } = [];

        public HashSet<string> Failing { get; } = [];

        public void Run(string id, string podUid, decimal cores, ulong usage, ulong inactiveFile) =>
            _containers[id] = (podUid, 1000 * (ulong)Second, usage, inactiveFile, cores);

        public void Burn(string id, decimal cores, TimeSpan over)
        {
            var c = _containers[id];
            _containers[id] = c with { Total = c.Total + (ulong)(cores * (decimal)over.TotalSeconds * Second), Cores = cores };
        }

        public Task<IReadOnlyList<StatsContainer>> ListRunningPodContainersAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<StatsContainer>>([.. _containers.Select(c => new StatsContainer(c.Key, c.Value.PodUid))]);

        public Task<DockerStatsSnapshot?> ReadStatsAsync(string containerId, bool oneShot, CancellationToken cancellationToken)
        {
            lock (OneShots)
            {
                OneShots.Add(oneShot);
            }

            if (Failing.Contains(containerId))
            {
                throw new Sdk.Runtime.ContainerRuntimeException("Docker engine call 'read container stats' failed: boom");
            }

            var c = _containers[containerId];
            var now = time.GetUtcNow();
            return Task.FromResult<DockerStatsSnapshot?>(new DockerStatsSnapshot
            {
                Cpu = new CpuSample(c.Total, now, null, null),
                PreviousCpu = oneShot ? null : new CpuSample(c.Total - (ulong)(c.Cores * Second), now.AddSeconds(-1), null, null),
                MemoryUsage = c.Usage,
                MemoryStats = new Dictionary<string, ulong> { ["total_inactive_file"] = c.Inactive },
            });
        }
    }
}
