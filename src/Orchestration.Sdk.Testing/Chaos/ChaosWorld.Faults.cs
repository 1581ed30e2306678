using Microsoft.Extensions.DependencyInjection;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Configuration;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Runtime.Probes;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Testing.Chaos;

internal sealed partial class ChaosWorld
{
    private readonly HashSet<(string Node, string Pod)> _failingProbes = [];

    private async Task InjectAsync(CancellationToken cancellationToken)
    {
        var up = _nodes.SimulatedNodes.Where(n => !n.IsDown).ToList();
        var down = _nodes.SimulatedNodes.Where(n => n.IsDown).ToList();
        switch (_random.Next(12))
        {
            case 0 or 1 when Running() is { Count: > 0 } running:
                Count("container crash");
                var victim = Pick(running);
                _nodes[victim.Labels[RuntimeLabels.Node]].CrashContainerById(victim.Id, exitCode: _random.Next(1, 138));
                break;
            case 2:
                Count("runtime call failures");
                Pick(up).FailNextCalls(Pick(FailableCalls), _random.Next(1, 4), "ChaosFault", "injected by the chaos run");
                break;
            case 3 when up.Count > 2:
                Count("node lost");
                Pick(up).TakeDown();
                break;
            case 4 when down.Count > 0:
                Count("node returns");
                Pick(down).BringUp(loseContainers: _random.Next(2) == 0);
                break;
            case 5 when up.Count > 2:
                Count("flapping node");
                var flapping = Pick(up);
                flapping.TakeDown();
                await StepAsync(TimeSpan.FromSeconds(_random.Next(1, 20))).ConfigureAwait(false);
                flapping.BringUp();
                break;
            case 6:
                Count("host restart");
                await RestartHostAsync(cancellationToken).ConfigureAwait(false);
                break;
            case 7:
                Count("write burst (watch expiry)");
                await BurstAsync(cancellationToken).ConfigureAwait(false);
                break;
            case 8:
                Count("conflicting writes");
                await ConflictingScalesAsync(cancellationToken).ConfigureAwait(false);
                break;
            case 9 when WebPods() is { Count: > 0 } webPods:
                Count("failing probe");
                var pod = Pick(webPods);
                _nodes[pod.Spec.NodeName!].SetProbeResult(pod.Metadata.Name, "web", ProbeKind.Readiness, healthy: false);
                _failingProbes.Add((pod.Spec.NodeName!, pod.Metadata.Name));
                break;
            case 10:
                await RolloutAsync(cancellationToken).ConfigureAwait(false);
                break;
            default:
                Count("scale");
                _workerReplicas = _random.Next(1, 5);
                await Apply(cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private List<Pod> WebPods() => [.. Cluster.Pods("web").Where(p => p.Spec.NodeName is not null && !p.IsTerminating())];

    /// <summary>A new web version; one rollout in four is to an image that crashes on start, rolled back by the next.</summary>
    private async Task RolloutAsync(CancellationToken cancellationToken)
    {
        _webCrashing = _random.Next(4) == 0;
        _webVersion++;
        if (_webCrashing)
        {
            Count("crash-looping rollout");
            _nodes.CrashImageOnStart(ChaosApp.WebImage(_webVersion, crashing: true));
        }
        else
        {
            Count("rollout");
        }

        await Apply(cancellationToken).ConfigureAwait(false);
    }

    private Task Apply(CancellationToken cancellationToken)
    {
        var declaration = new AppDeclaration();
        ChaosApp.Declare(ChaosApp.WebImage(_webVersion, _webCrashing), _workerReplicas)(declaration);
        return Cluster.Client.ApplyAsync(declaration, cancellationToken);
    }

    private async Task RestartHostAsync(CancellationToken cancellationToken)
    {
        var acknowledged = _acknowledged.ToList();
        await Cluster.DisposeAsync().ConfigureAwait(false);
        _cluster = null;
        _cluster = await StartClusterAsync(cancellationToken).ConfigureAwait(false);
        _checks++;
        var lost = acknowledged.Where(name => Cluster.Services.GetRequiredService<ResourceStore>()
            .Get<ConfigMap>(new ObjectKey(ConfigMap.KindName, "default", name)) is null).ToList();
        if (lost.Count > 0)
        {
            Violation($"host restart lost {lost.Count} acknowledged object(s): {string.Join(", ", lost.Take(5))}");
        }
    }

    /// <summary>More writes at once than a watcher buffers: informers are expired and must relist.</summary>
    private async Task BurstAsync(CancellationToken cancellationToken)
    {
        var client = Cluster.Services.GetRequiredService<IResourceClient>();
        for (var i = 0; i < 250; i++)
        {
            var name = $"ack-{_acks++}";
            await client.CreateAsync(new ConfigMap { Metadata = new ObjectMeta { Name = name, Namespace = "default" }, Data = new Dictionary<string, string> { ["n"] = name } }, cancellationToken).ConfigureAwait(false);
            _acknowledged.Add(name);
        }
    }

    /// <summary>Two clients scale the worker at once from the same read: one wins, the other sees a conflict or wins after it.</summary>
    private async Task ConflictingScalesAsync(CancellationToken cancellationToken)
    {
        var (a, b) = (_random.Next(1, 5), _random.Next(1, 5));
        var results = await Task.WhenAll(ScaleAsync(a, cancellationToken), ScaleAsync(b, cancellationToken)).ConfigureAwait(false);
        var live = Cluster.Deployment("worker")!.Spec.Replicas;
        _checks++;
        if (live != a && live != b)
        {
            Violation($"two concurrent scales to {a} and {b} left the worker at {live}");
        }

        if (results.All(r => !r))
        {
            Violation("two concurrent scales both failed");
        }

        _workerReplicas = live; // the apply that follows keeps it (three-way), as the declaration did not change it
    }

    private async Task<bool> ScaleAsync(int replicas, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            await Cluster.Client.ScaleAsync("worker", replicas, cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConflictException)
        {
            return false;
        }
    }
}
