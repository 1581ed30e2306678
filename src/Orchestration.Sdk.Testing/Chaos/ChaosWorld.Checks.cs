using Microsoft.Extensions.DependencyInjection;
using Orchestration.Sdk.Configuration;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Runtime.Probes;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Testing.Chaos;

internal sealed partial class ChaosWorld
{
    /// <summary>What must hold at every step, faults or not.</summary>
    private void CheckThroughout(string when)
    {
        _checks++;
        var duplicates = Running().Where(c => c.Labels.ContainsKey(RuntimeLabels.ContainerName))
            .GroupBy(c => (c.Labels[RuntimeLabels.PodUid], c.Labels[RuntimeLabels.ContainerName]))
            .Where(g => g.Count() > 1).ToList();
        if (duplicates.Count > 0)
        {
            Violation($"{when}: two running instances of {string.Join(", ", duplicates.Select(d => $"pod {d.First().Labels[RuntimeLabels.PodName]} container {d.Key.Item2}"))}");
        }

        _checks++;
        foreach (var file in new[] { storePath, storePath + "-wal" }.Where(File.Exists))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, System.Text.Encoding.Latin1);
            if (reader.ReadToEnd().Contains(ChaosApp.SecretValue, StringComparison.Ordinal))
            {
                Violation($"{when}: the secret's value is in plaintext in {Path.GetFileName(file)}");
            }
        }

        _checks++;
        if (_logs.Leaked(ChaosApp.SecretValue) is { } line)
        {
            Violation($"{when}: the secret's value is in the logs: {line}");
        }
    }

    /// <summary>Ends every fault, rolls web to a good version, and waits (in simulated time) for the declared state.</summary>
    private async Task HealAndConvergeAsync(CancellationToken cancellationToken)
    {
        foreach (var node in _nodes.SimulatedNodes.Where(n => n.IsDown))
        {
            node.BringUp();
        }

        foreach (var (node, pod) in _failingProbes)
        {
            _nodes[node].SetProbeResult(pod, "web", ProbeKind.Readiness, healthy: true);
        }

        _webCrashing = false;
        _webVersion++;
        await Apply(cancellationToken).ConfigureAwait(false);
        var image = ChaosApp.WebImage(_webVersion, crashing: false);
        var deadline = time.GetUtcNow() + options.ConvergenceLimit;
        while (!Converged(image, out _) && time.GetUtcNow() < deadline && !cancellationToken.IsCancellationRequested)
        {
            await StepAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
            CheckRolloutBounds();
            CheckThroughout("while converging");
        }

        _checks++;
        if (!Converged(image, out var why))
        {
            Violation($"not converged {options.ConvergenceLimit.TotalMinutes:0.#} simulated minutes after the faults stopped: {why}{Environment.NewLine}{Cluster.Describe()}");
        }

        _checks++;
        var store = Cluster.Services.GetRequiredService<ResourceStore>();
        var lost = _acknowledged.Where(n => store.Get<ConfigMap>(new ObjectKey(ConfigMap.KindName, "default", n)) is null).ToList();
        if (lost.Count > 0)
        {
            Violation($"{lost.Count} acknowledged object(s) missing at the end: {string.Join(", ", lost.Take(5))}");
        }

        _checks++;
        var pods = store.List<Pod>(Pod.KindName).Items.Select(p => p.Metadata.Uid).ToHashSet(StringComparer.Ordinal);
        var orphans = _nodes.SimulatedNodes.SelectMany(n => n.Containers)
            .Where(c => c.State == RuntimeContainerState.Running && c.Labels.TryGetValue(RuntimeLabels.PodUid, out var uid) && !pods.Contains(uid)).ToList();
        if (orphans.Count > 0)
        {
            Violation($"{orphans.Count} orphan container(s) after convergence: {string.Join(", ", orphans.Take(5).Select(o => o.Labels.GetValueOrDefault(RuntimeLabels.PodName)))}");
        }

        _checks++;
        if (SecretOf(Cluster) is not { } secret || !secret.Data.TryGetValue("password", out var value) || value.GetString() != ChaosApp.SecretValue)
        {
            Violation("the secret does not read back its declared value");
        }
    }

    /// <summary>With maxSurge 1 and maxUnavailable 0 and no fault left, web never has more than 4 pods nor fewer than 3 ready once it was whole.</summary>
    private void CheckRolloutBounds()
    {
        _checks++;
        var live = Cluster.Pods("web").Where(p => !p.IsTerminating()).ToList();
        if (live.Count > ChaosApp.WebReplicas + 1)
        {
            Violation($"web has {live.Count} pods during a rollout with maxSurge 1 (at most {ChaosApp.WebReplicas + 1})");
        }

        var ready = live.Count(p => p.Status.IsReady);
        _wasWhole |= ready >= ChaosApp.WebReplicas;
        if (_wasWhole && ready < ChaosApp.WebReplicas)
        {
            Violation($"web fell to {ready} ready pods during a rollout with maxUnavailable 0");
        }
    }

    private bool Converged(string webImage, out string why)
    {
        foreach (var (name, replicas, image) in new[] { ("web", ChaosApp.WebReplicas, webImage), ("worker", Cluster.Deployment("worker")?.Spec.Replicas ?? _workerReplicas, "worker:1"), ("api", 1, "api:1") })
        {
            var pods = Cluster.Pods(name).Where(p => !p.IsTerminating()).ToList();
            var ready = pods.Count(p => p.Status.IsReady && p.Spec.Containers[0].Image == image);
            if (pods.Count != replicas || ready != replicas)
            {
                why = $"{name} has {pods.Count} pods, {ready} ready on {image}, wants {replicas}";
                return false;
            }
        }

        why = string.Empty;
        return true;
    }

    private bool _wasWhole;

    private static Secret? SecretOf(TestCluster cluster) =>
        cluster.Services.GetRequiredService<ResourceStore>().Get<Secret>(new ObjectKey(Secret.KindName, "default", "credentials"));
}
