using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Informers;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Scheduling;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Tests.Scheduling;

/// <summary>Runs the real <see cref="Scheduler"/> over a <see cref="ResourceStore"/> on a fake clock.</summary>
internal sealed class SchedulerHarness : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _run;

    /// <summary>Starts the scheduler, after creating <paramref name="nodes"/> in the store.</summary>
    /// <param name="options">The scheduler's options.</param>
    /// <param name="storeOptions">The store's options.</param>
    /// <param name="nodes">
    /// Nodes that exist before the scheduler starts, so its first node list holds them all. The scheduler lists and
    /// watches nodes and pods in two independent feeds (as kube-scheduler's informers), so a node created after it
    /// started may reach it after pods created later: a test that asserts where pods land over several nodes passes
    /// its nodes here.
    /// </param>
    public SchedulerHarness(SchedulerOptions? options = null, StoreOptions? storeOptions = null, IEnumerable<Node>? nodes = null)
    {
        Store = new ResourceStore(Time, Options.Create(storeOptions ?? new StoreOptions()));
        foreach (var node in nodes ?? [])
        {
            Store.Create(node);
        }

        Informers = SharedInformerFactory.Started(Store, Time);
        Scheduler = new Scheduler(Store, Informers, Time, Options.Create(options ?? new SchedulerOptions()), NullLogger<Scheduler>.Instance);
        _run = Task.Run(() => Scheduler.RunAsync(_stopping.Token));
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public ResourceStore Store { get; }

    public Scheduler Scheduler { get; }

    public SharedInformerFactory Informers { get; }

    public Pod Get(string name) => Store.Get<Pod>(new ObjectKey(Pod.KindName, "default", name)) ?? throw new InvalidOperationException($"pod {name} not found");

    public IReadOnlyList<Pod> AllPods() => Store.List<Pod>(Pod.KindName).Items;

    /// <summary>Polls the store (real time) until the pod satisfies <paramref name="condition"/>; fails with what it last saw.</summary>
    public async Task<Pod> WaitForPodAsync(string name, Func<Pod, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Timeout;
        Pod? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = Store.Get<Pod>(new ObjectKey(Pod.KindName, "default", name));
            if (last is not null && condition(last))
            {
                return last;
            }

            Assert.False(_run.IsCompleted, $"the scheduler stopped: {_run.Exception}");
            await Task.Delay(10);
        }

        var scheduled = last?.Status.Conditions.Find(PodConditionType.PodScheduled);
        throw new TimeoutException($"pod {name} did not become {what} in {Timeout.TotalSeconds} s; last seen: node {last?.Spec.NodeName ?? "<none>"}, PodScheduled {scheduled}");
    }

    public Task<Pod> WaitForBoundAsync(string name) => WaitForPodAsync(name, p => p.Spec.NodeName is not null && IsScheduled(p), "bound");

    public Task<Pod> WaitForUnschedulableAsync(string name, string? message = null) => WaitForPodAsync(
        name,
        p => p.Status.Conditions.Find(PodConditionType.PodScheduled) is { Status: ConditionStatus.False, Reason: "Unschedulable" } c &&
             (message is null || c.Message == message),
        message is null ? "unschedulable" : $"unschedulable with \"{message}\"");

    public static bool IsScheduled(Pod pod) => pod.Status.Conditions.Find(PodConditionType.PodScheduled)?.IsTrue == true;

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _run.WaitAsync(Timeout);
        await Informers.DisposeAsync();
        _stopping.Dispose();
    }
}
