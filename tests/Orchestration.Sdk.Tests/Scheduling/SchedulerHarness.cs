using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Informers;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Scheduling;
using Orchestration.Sdk.Store;
using Orchestration.Sdk.Tests.Fixtures;

namespace Orchestration.Sdk.Tests.Scheduling;

/// <summary>Runs the real <see cref="Scheduler"/> over a <see cref="ResourceStore"/> on a fake clock.</summary>
internal sealed class SchedulerHarness : IAsyncDisposable
{
    private readonly HarnessFixture _fixture;
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
        _fixture = new HarnessFixture(Time, storeOptions, store =>
        {
            foreach (var node in nodes ?? [])
            {
                store.Create(node);
            }
        });
        Scheduler = new Scheduler(Store, Informers, Time, Options.Create(options ?? new SchedulerOptions()), NullLogger<Scheduler>.Instance);
        _run = _fixture.Run(stopping => Task.Run(() => Scheduler.RunAsync(stopping)));
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public ResourceStore Store => _fixture.Store;

    public Scheduler Scheduler { get; }

    public SharedInformerFactory Informers => _fixture.Informers;

    public Pod Get(string name) => Store.Get<Pod>(new ObjectKey(Pod.KindName, "default", name)) ?? throw new InvalidOperationException($"pod {name} not found");

    public IReadOnlyList<Pod> AllPods() => Store.List<Pod>(Pod.KindName).Items;

    /// <summary>Waits (re-checking on every store change) until the pod satisfies <paramref name="condition"/>; fails with what it last saw.</summary>
    public async Task<Pod> WaitForPodAsync(string name, Func<Pod, bool> condition, string what) =>
        (await _fixture.WaitForAsync(
            () =>
            {
                Assert.False(_run.IsCompleted, $"the scheduler stopped: {_run.Exception}");
                return Store.Get<Pod>(new ObjectKey(Pod.KindName, "default", name));
            },
            p => p is not null && condition(p),
            $"pod {name} is {what}",
            last => $"node {last?.Spec.NodeName ?? "<none>"}, PodScheduled {last?.Status.Conditions.Find(PodConditionType.PodScheduled)}"))!;

    public Task<Pod> WaitForBoundAsync(string name) => WaitForPodAsync(name, p => p.Spec.NodeName is not null && IsScheduled(p), "bound");

    public Task<Pod> WaitForUnschedulableAsync(string name, string? message = null) => WaitForPodAsync(
        name,
        p => p.Status.Conditions.Find(PodConditionType.PodScheduled) is { Status: ConditionStatus.False, Reason: "Unschedulable" } c &&
             (message is null || c.Message == message),
        message is null ? "unschedulable" : $"unschedulable with \"{message}\"");

    public static bool IsScheduled(Pod pod) => pod.Status.Conditions.Find(PodConditionType.PodScheduled)?.IsTrue == true;

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();
}
