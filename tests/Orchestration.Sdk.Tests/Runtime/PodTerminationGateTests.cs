using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Store;
using Orchestration.Sdk.Runtime.NodeAgents;
using Orchestration.Sdk.Runtime.InMemory;

namespace Orchestration.Sdk.Tests.Runtime;

/// <summary>A terminating pod's containers get SIGTERM only once every termination gate lets go, or the grace period ends.</summary>
public sealed class PodTerminationGateTests : IAsyncDisposable
{
    private readonly AgentHarness _h = new();
    private readonly InMemoryNode _n1;
    private readonly BlockingGate _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _agents;

    public PodTerminationGateTests()
    {
        _n1 = _h.Cluster.Add("n1");
    }

    public async ValueTask DisposeAsync()
    {
        _gate.Release();
        await _stop.CancelAsync();
        if (_agents is not null)
        {
            await _agents.WaitAsync(TimeSpan.FromSeconds(10));
        }

        _stop.Dispose();
        await _h.DisposeAsync();
    }

    [Fact]
    public async Task DeletePod_GateHolds_ContainersKeepRunningUntilItReleases()
    {
        var pod = await StartPodAsync(gracePeriodSeconds: 30);

        _h.Store.DeletePod(pod, _h.Time.GetUtcNow());
        var asked = await AgentHarness.WaitForAsync(() => _gate.Asked.FirstOrDefault(), p => p is not null, "the gate asked");
        await AgentHarness.AssertStaysAsync(
            () => _n1.Containers is [{ State: RuntimeContainerState.Running }] && _h.GetPod("web") is not null, "the container running while the gate holds");
        Assert.Equal(pod.Status.PodIP, asked!.Status.PodIP);
        Assert.Equal(pod.Metadata.Uid, asked.Metadata.Uid);
        Assert.DoesNotContain("SIGTERM", _n1.GetOutput(pod.Status.ContainerStatuses[0].ContainerId!), StringComparison.Ordinal);

        _gate.Release();

        await _h.WaitForPodGoneAsync("web");
        Assert.Empty(_n1.Containers);
    }

    [Fact]
    public async Task DeletePod_GateNeverReleases_StoppedAnywayWhenTheGracePeriodEnds()
    {
        var pod = await StartPodAsync(gracePeriodSeconds: 30);

        _h.Store.DeletePod(pod, _h.Time.GetUtcNow());
        await AgentHarness.WaitForAsync(() => _gate.Asked.Count, n => n > 0, "the gate asked");
        _h.Time.Advance(TimeSpan.FromSeconds(29));
        await AgentHarness.AssertStaysAsync(() => _n1.Containers is [{ State: RuntimeContainerState.Running }], "the container running 29 s into the grace period");
        _h.Time.Advance(TimeSpan.FromSeconds(1));

        await _h.WaitForPodGoneAsync("web");
        Assert.Empty(_n1.Containers);
        Assert.True(_gate.Cancelled, "the gate's wait was cancelled when the grace period ended");
    }

    [Fact]
    public async Task DeletePod_GateReleasesAfterTenSeconds_ContainerGetsOnlyTheRestOfTheGracePeriod()
    {
        var pod = await StartPodAsync(gracePeriodSeconds: 30);
        var id = pod.Status.ContainerStatuses[0].ContainerId!;
        _n1.IgnoreSigterm("web", "web");

        _h.Store.DeletePod(pod, _h.Time.GetUtcNow());
        await AgentHarness.WaitForAsync(() => _gate.Asked.Count, n => n > 0, "the gate asked");
        _h.Time.Advance(TimeSpan.FromSeconds(10));
        _gate.Release();
        await AgentHarness.WaitForAsync(() => _n1.GetOutput(id), o => o.Contains("received SIGTERM", StringComparison.Ordinal), "SIGTERM delivered");
        Assert.Contains("killed after the 20s grace period", _n1.GetOutput(id), StringComparison.Ordinal);
        _h.Time.Advance(TimeSpan.FromSeconds(19));
        await AgentHarness.AssertStaysAsync(() => _h.GetPod("web") is not null && _n1.Containers.Count == 1, "the pod terminating 29 s after the delete");
        _h.Time.Advance(TimeSpan.FromSeconds(1));

        await _h.WaitForPodGoneAsync("web");
        Assert.Empty(_n1.Containers);
    }

    private async Task<Pod> StartPodAsync(long gracePeriodSeconds)
    {
        var agents = new NodeAgentManager(_h.Store, _h.Informers, _h.Cluster, _h.Time, Options.Create(_h.AgentOptions), _h.LoggerFactory, [_gate]);
        _agents = agents.RunAsync(_stop.Token);
        await _h.WaitForNodeAsync("n1", n => n.Status.IsReady, "registered and Ready");
        _h.CreatePod(AgentHarness.NewPod("web", "n1", gracePeriodSeconds: gracePeriodSeconds));
        return await _h.WaitForPodAsync("web", p => p.Status.IsReady && p.Status.PodIP is not null, "ready");
    }

    /// <summary>A gate that holds every pod until released, recording what it was asked about and whether a wait was cancelled.</summary>
    private sealed class BlockingGate : IPodTerminationGate
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private volatile bool _cancelled;

        public ConcurrentQueue<Pod> Asked { get; } = new();

        public bool Cancelled => _cancelled;

        public void Release() => _released.TrySetResult();

        public async Task WaitUntilDrainedAsync(Pod pod, CancellationToken cancellationToken)
        {
            Asked.Enqueue(pod);
            try
            {
                await _released.Task.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                _cancelled = true;
                throw;
            }
        }
    }
}
