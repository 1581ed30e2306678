using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Controllers;
using Orchestration.Sdk.Controllers.NodeLifecycle;
using Orchestration.Sdk.Informers;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Store;
using Orchestration.Sdk.Tests.Fixtures;
using Orchestration.Sdk.Runtime.NodeAgents;
using Orchestration.Sdk.Runtime.InMemory;

namespace Orchestration.Sdk.Tests.Runtime;

/// <summary>
/// A store, an in-memory cluster and the node agents (optionally the node lifecycle controller) on a fake clock.
/// Waits poll real time (a few seconds at most) for state the background loops produce, before a test moves the clock.
/// </summary>
internal sealed class AgentHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly HarnessFixture _fixture;
    private CancellationTokenSource? _stopAgents;
    private Task? _agents;

    public AgentHarness()
    {
        _fixture = new HarnessFixture(Time);
        Cluster = new InMemoryCluster(Time);
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public ResourceStore Store => _fixture.Store;

    public InMemoryCluster Cluster { get; }

    public SharedInformerFactory Informers => _fixture.Informers;

    public NodeAgentOptions AgentOptions { get; } = new();

    public NodeLifecycleOptions LifecycleOptions { get; } = new();

    public NodeAgentManager? Agents { get; private set; }

    public ILoggerFactory LoggerFactory { get; set; } = NullLoggerFactory.Instance;

    public static Pod NewPod(string name, string node, string image = "nginx:1.27", RestartPolicy restartPolicy = RestartPolicy.Always, long gracePeriodSeconds = 30, IReadOnlyList<Toleration>? tolerations = null, params string[] containers) => new()
    {
        Metadata = new ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["app"] = name } },
        Spec = new PodSpec
        {
            NodeName = node,
            RestartPolicy = restartPolicy,
            TerminationGracePeriodSeconds = gracePeriodSeconds,
            Tolerations = tolerations ?? [],
            Containers = (containers.Length == 0 ? ["web"] : containers).Select(c => new Container { Name = c, Image = image }).ToList(),
        },
    };

    /// <summary>Starts the node agents and waits until every node is registered.</summary>
    public async Task<NodeAgentManager> StartAgentsAsync()
    {
        _stopAgents = new CancellationTokenSource();
        Agents = new NodeAgentManager(Store, Informers, Cluster, Time, Options.Create(AgentOptions), LoggerFactory);
        _agents = Agents.RunAsync(_stopAgents.Token);
        foreach (var node in Cluster.Nodes)
        {
            await WaitForNodeAsync(node.Name, n => n.Status.IsReady, "registered and Ready");
        }

        return Agents;
    }

    /// <summary>Stops the node agents (containers keep running) and waits for them to finish.</summary>
    public async Task StopAgentsAsync()
    {
        if (_stopAgents is null || _agents is null)
        {
            return;
        }

        await _stopAgents.CancelAsync();
        await _agents.WaitAsync(StoreWait.DefaultTimeout);
        _stopAgents.Dispose();
        _stopAgents = null;
        _agents = null;
    }

    /// <summary>Starts the node lifecycle controller; its timer exists when this returns.</summary>
    public void StartLifecycle() =>
        _fixture.Run(new NodeLifecycleController(Store, _fixture.Informers, Time, Options.Create(LifecycleOptions), NullLogger<NodeLifecycleController>.Instance).RunAsync);

    public Pod CreatePod(Pod pod) => Store.Create(pod);

    public Pod? GetPod(string name) => Store.Get<Pod>(new ObjectKey(Pod.KindName, "default", name));

    public Node? GetNode(string name) => Store.Get<Node>(new ObjectKey(Node.KindName, string.Empty, name));

    public async Task<Pod> WaitForPodAsync(string name, Func<Pod, bool> condition, string what) =>
        (await _fixture.WaitForAsync(() => GetPod(name), p => p is not null && condition(p), $"pod {name} {what}", Describe))!;

    public async Task<Node> WaitForNodeAsync(string name, Func<Node, bool> condition, string what) =>
        (await _fixture.WaitForAsync(() => GetNode(name), n => n is not null && condition(n), $"node {name} {what}", Describe))!;

    public Task WaitForPodGoneAsync(string name) => _fixture.WaitForAsync(() => GetPod(name), p => p is null, $"pod {name} deleted", Describe);

    /// <summary>Waits until <paramref name="condition"/> holds for state outside any one harness's store; on timeout fails with the last value seen.</summary>
    public static Task<T> WaitForAsync<T>(Func<T> probe, Func<T, bool> condition, string what) =>
        StoreWait.UntilAsync(null, probe, condition, what, value => Describe(value));

    /// <summary>A negative check: <paramref name="condition"/> still holds after a short real-time pause.</summary>
    public static async Task AssertStaysAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 10; i++)
        {
            Assert.True(condition(), $"expected {what} to stay true");
            await Task.Delay(3);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAgentsAsync();
        await _fixture.DisposeAsync();
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string s => s,
        Pod p => $"{p.Metadata.Name} phase={p.Status.Phase} ready={p.Status.IsReady} ip={p.Status.PodIP} " +
                 string.Join("; ", p.Status.ContainerStatuses.Select(c => $"{c.Name}: {c.State} last={c.LastState} restarts={c.RestartCount} waiting={c.State.Waiting?.Message}")),
        Node n => $"{n.Metadata.Name} ready={n.Status.Conditions.Find(NodeConditionType.Ready)} taints=[{string.Join(", ", n.Spec.Taints)}] heartbeat={n.Status.LastHeartbeatTime:O}",
        System.Collections.IEnumerable e => $"[{string.Join(", ", e.Cast<object?>().Select(Describe))}]",
        _ => value.ToString() ?? "?",
    };
}
