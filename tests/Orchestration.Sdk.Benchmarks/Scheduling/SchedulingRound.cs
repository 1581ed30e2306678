using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orchestration.Sdk.Diagnostics;
using Orchestration.Sdk.Informers;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Scheduling;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Benchmarks.Scheduling;

/// <summary>
/// One measured round: nodes in a fresh store, the real scheduler started and synced (a sentinel pod bound), then all
/// pods created while it runs; the clock stops when the scheduler has bound the last one. Per-pod attempt latencies come
/// from the scheduler's <c>orchestration.sdk.scheduler.attempt.duration</c> histogram.
/// </summary>
internal static class SchedulingRound
{
    public static async Task<RoundResult> RunAsync(SchedulingShape shape, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var directory = shape.Persist ? Directory.CreateTempSubdirectory("scheduling-") : null;
        using var cleanup = directory is null ? null : new DirectoryCleanup(directory); // disposed after the store
        using var store = new ResourceStore(TimeProvider.System, Options.Create(new StoreOptions
        {
            HistoryCapacity = Math.Max(50_000, shape.Pods * 4),
            WatcherBufferCapacity = Math.Max(100_000, shape.Pods * 4),
            PersistencePath = directory is null ? null : Path.Combine(directory.FullName, "store.db"),
        }));

        for (var i = 0; i < shape.Nodes; i++)
        {
            store.Create(NewNode($"node-{i}"));
        }

        var pods = Enumerable.Range(0, shape.Pods).Select(i => NewPod($"pod-{i}", shape.Owners == 0 ? null : i % shape.Owners)).ToArray();
        var latencies = new double[shape.Pods + 1];
        var recorded = 0;
        var scheduled = 0;
        var target = 1;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == OrchestrationTelemetry.MeterName && instrument.Name == OrchestrationMetrics.SchedulerAttemptDurationName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
        {
            var index = Interlocked.Increment(ref recorded) - 1;
            if (index < latencies.Length)
            {
                latencies[index] = seconds;
            }

            if (tags.Length > 0 && Equals(tags[0].Value, OrchestrationMetrics.Scheduled) && Interlocked.Increment(ref scheduled) == Volatile.Read(ref target))
            {
                done.TrySetResult();
            }
        });
        listener.Start();

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await using var informers = SharedInformerFactory.Started(store);
        using var metrics = new OrchestrationMetrics();
        var scheduler = new Scheduler(store, informers, TimeProvider.System, Options.Create(shape.Options), NullLogger<Scheduler>.Instance, metrics: metrics);
        var run = Task.Run(() => scheduler.RunAsync(stopping.Token), CancellationToken.None);

        // The sentinel is bound once the scheduler has listed every node: from then on only scheduling is measured.
        store.Create(NewPod("sentinel", null));
        await done.Task.WaitAsync(timeout, cancellationToken);
        done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref recorded, 0);
        Volatile.Write(ref scheduled, 0);
        Volatile.Write(ref target, shape.Pods);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        foreach (var pod in pods)
        {
            store.Create(pod);
        }

        var creating = clock.Elapsed;
        await done.Task.WaitAsync(timeout, cancellationToken);
        var wall = clock.Elapsed;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var gcs = (GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2);

        await stopping.CancelAsync();
        await run;
        listener.Dispose();

        var stored = store.List<Pod>(Pod.KindName).Items.Where(p => p.Metadata.Name != "sentinel").ToList();
        var perNode = stored.Where(p => p.Spec.NodeName is not null).GroupBy(p => p.Spec.NodeName).Select(g => g.Count()).DefaultIfEmpty(0).Max();
        return new RoundResult(
            wall,
            creating,
            latencies.AsSpan(0, Math.Min(recorded, latencies.Length)).ToArray(),
            stored.Count(p => p.Spec.NodeName is null),
            perNode,
            allocated,
            gcs.Item1,
            gcs.Item2,
            gcs.Item3);
    }

    private static Node NewNode(string name)
    {
        var allocatable = new NodeResources { Cpu = Quantity.FromDecimal(4), Memory = Quantity.FromBytes(32L << 30), Pods = 110 };
        return new Node
        {
            Metadata = new ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["kubernetes.io/hostname"] = name } },
            Status = new NodeStatus
            {
                Capacity = allocatable,
                Allocatable = allocatable,
                Conditions = [new Condition(NodeConditionType.Ready, ConditionStatus.True)],
            },
        };
    }

    private static Pod NewPod(string name, int? owner) => new()
    {
        Metadata = new ObjectMeta
        {
            Name = name,
            OwnerReferences = owner is { } o ? [new OwnerReference("ReplicaSet", $"rs-{o}", $"00000000-0000-0000-0000-{o:D12}")] : [],
        },
        Spec = new PodSpec
        {
            Containers =
            [
                new Container
                {
                    Name = "pause",
                    Image = "registry.k8s.io/pause:3.10",
                    Resources = new ResourceRequirements { Requests = new ResourceList { Cpu = Quantity.FromMilli(100), Memory = Quantity.FromBytes(500L << 20) } },
                },
            ],
        },
    };
}

/// <summary>Removes a round's temporary store directory when the round ends.</summary>
internal sealed class DirectoryCleanup(DirectoryInfo directory) : IDisposable
{
    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        directory.Delete(recursive: true);
    }
}
