using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Runtime.InMemory;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Testing.Chaos;

/// <summary>
/// Seeded random faults against an app on the in-memory runtime with a fake clock: container crashes, a crash-looping
/// image rolled out, failing runtime calls, nodes lost and returning, flapping nodes, host restarts (store reloaded
/// from its SQLite file, containers adopted), write bursts that expire watchers, concurrent conflicting writes,
/// failing probes, rollouts and scaling during faults. Invariants are checked after every step (never two running
/// instances of one pod, no secret in plaintext in the store file or the logs) and after the faults stop (the declared
/// state is reached within <see cref="ChaosOptions.ConvergenceLimit"/> of simulated time, no acknowledged object
/// lost, no orphan container, rollout bounds held). The same seed injects the same faults in the same order; the
/// interleaving of the control loops' threads can differ between runs.
/// </summary>
public static class ChaosRun
{
    /// <summary>Runs the chaos suite and returns its report.</summary>
    /// <param name="options">Faults, seed, limits.</param>
    /// <param name="time">The fake clock the cluster runs on.</param>
    /// <param name="advance">Moves that clock forward (for example <c>FakeTimeProvider.Advance</c>).</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static async Task<ChaosReport> RunAsync(ChaosOptions options, TimeProvider time, Action<TimeSpan> advance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(advance);
        var directory = Directory.CreateTempSubdirectory("chaos-").FullName;
        try
        {
            var world = new ChaosWorld(options, time, advance, Path.Combine(directory, "store.db"));
            await using (world.ConfigureAwait(false))
            {
                await world.RunAsync(cancellationToken).ConfigureAwait(false);
                return world.Report();
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}

/// <summary>One chaos run's state: the cluster, the nodes that outlive host restarts, what was acknowledged.</summary>
internal sealed partial class ChaosWorld(ChaosOptions options, TimeProvider time, Action<TimeSpan> advance, string storePath) : IAsyncDisposable
{
    private static readonly InMemoryOperation[] FailableCalls =
        [InMemoryOperation.CreateContainer, InMemoryOperation.StartContainer, InMemoryOperation.RunPodSandbox, InMemoryOperation.StopContainer, InMemoryOperation.ListContainers];

    private readonly Random _random = new(options.Seed);
    private readonly InMemoryCluster _nodes = CreateNodes(time);
    private readonly ChaosLogSink _logs = new();
    private readonly Dictionary<string, int> _faults = new(StringComparer.Ordinal);
    private readonly List<string> _violations = [];
    private readonly HashSet<string> _acknowledged = new(StringComparer.Ordinal);
    private readonly DateTimeOffset _started = time.GetUtcNow();
    private TestCluster? _cluster;
    private int _checks;
    private int _webVersion = 1;
    private bool _webCrashing;
    private int _workerReplicas = 2;
    private int _acks;

    private TestCluster Cluster => _cluster!;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _cluster = await StartClusterAsync(cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < options.Faults && !cancellationToken.IsCancellationRequested; i++)
        {
            await InjectAsync(cancellationToken).ConfigureAwait(false);
            for (var steps = _random.Next(1, 4); steps > 0; steps--)
            {
                await StepAsync(TimeSpan.FromMilliseconds(_random.Next(500, 5000))).ConfigureAwait(false);
            }

            CheckThroughout($"after fault {i + 1}");
        }

        await HealAndConvergeAsync(cancellationToken).ConfigureAwait(false);
    }

    public ChaosReport Report() => new(options.Seed, _faults, _checks, _violations, time.GetUtcNow() - _started);

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static InMemoryCluster CreateNodes(TimeProvider time)
    {
        var nodes = new InMemoryCluster(time);
        for (var i = 1; i <= 4; i++)
        {
            nodes.Add($"node-{i}");
        }

        return nodes;
    }

    private Task<TestCluster> StartClusterAsync(CancellationToken cancellationToken) => TestCluster.StartAsync(
        ChaosApp.Declare(ChaosApp.WebImage(_webVersion, _webCrashing), _workerReplicas),
        time: time,
        configureServices: s =>
        {
            s.AddSingleton(_nodes);
            s.Configure<StoreOptions>(o =>
            {
                o.PersistencePath = storePath;
                o.WatcherBufferCapacity = 200; // small: a write burst expires watchers, which must relist
            });
            s.AddLogging(l => l.AddProvider(_logs).SetMinimumLevel(LogLevel.Debug));
        },
        cancellationToken: cancellationToken);

    /// <summary>Moves the clock and lets the control loops react until the store is quiet (or a step's real-time limit).</summary>
    private async Task StepAsync(TimeSpan by)
    {
        advance(by);
        var store = Cluster.Services.GetRequiredService<ResourceStore>();
        using var limit = new CancellationTokenSource(options.StepTimeout);
        for (var quiet = 0; quiet < 2 && !limit.IsCancellationRequested;)
        {
            var version = store.Version;
            using var settle = CancellationTokenSource.CreateLinkedTokenSource(limit.Token);
            settle.CancelAfter(TimeSpan.FromMilliseconds(15));
            try
            {
                await store.WaitForChangeAsync(version, settle.Token).ConfigureAwait(false);
                quiet = 0;
            }
            catch (OperationCanceledException)
            {
                quiet++;
            }
        }
    }

    private void Count(string kind) => _faults[kind] = _faults.GetValueOrDefault(kind) + 1;

    private void Violation(string what) => _violations.Add($"[{(time.GetUtcNow() - _started).TotalSeconds:0}s] {what}");

    private IReadOnlyList<RuntimeContainer> Running() =>
        [.. _nodes.SimulatedNodes.Where(n => !n.IsDown).SelectMany(n => n.Containers).Where(c => c.State == RuntimeContainerState.Running)];

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    internal static string Describe(Exception e) => $"{e.GetType().Name}: {e.Message}";
}
