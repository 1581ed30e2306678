using Microsoft.Extensions.DependencyInjection;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Docker.Tests.Support;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Networking;

namespace Orchestration.Sdk.Docker.Tests.MultiEngine;

/// <summary>
/// An engine's daemon dies under a running three-engine host: its node turns NotReady, its pods move to the other
/// engines while a service keeps answering, and when the engine returns its old containers are removed (not adopted),
/// and a rollout over the three engines loses no request either.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class MultiEngineNodeLossTests
{
    [EngineFact(3)]
    public async Task EngineDies_PodsMoveElsewhere_NoRequestLost_OnReturnItsContainersAreRemoved_RolloutLosesNone()
    {
        var host = await EngineCluster.StartAsync(3, app => Declare(app, version: string.Empty));
        var stopped = false;
        try
        {
            var pods = await host.WaitForPodsAsync("web runs on the three engines", p => DockerOrchestrator.AllRunning(p, 3) && p.All(x => x.Status.IsReady)
                && p.Select(x => x.Spec.NodeName).Distinct().Count() == 3, TimeSpan.FromSeconds(120));
            var victim = pods.Single(p => p.Spec.NodeName == "e3");
            var service = (await host.Client.GetAsync<Service>("web"))!;
            using var http = ServiceLoad.NewClient();
            var url = $"http://127.0.0.1:{service.Spec.Ports[0].NodePort}/";
            await ServiceLoad.WaitForAnswerAsync(http, url);

            var load = new ServiceLoad();
            using var stop = new CancellationTokenSource();
            var traffic = load.SendAsync(http, url, () => !stop.IsCancellationRequested);
            var deathStarted = load.Elapsed;
            await TestEngines.StopAsync(3);
            var deathDone = load.Elapsed; // the daemon and its containers are gone
            stopped = true;
            await Poll.UntilAsync("node e3 is NotReady", async () => (await host.Client.GetAsync<Node>("e3"))?.Status.IsReady == false, TimeSpan.FromSeconds(30));
            var moved = await host.WaitForPodsAsync("the pods run on e1 and e2 only", p => DockerOrchestrator.AllRunning(p, 3) && p.All(x => x.Status.IsReady)
                && p.All(x => x.Spec.NodeName != "e3"), TimeSpan.FromSeconds(60));
            Assert.DoesNotContain(moved, p => p.Metadata.Uid == victim.Metadata.Uid); // evicted and replaced, not waiting for its node
            await stop.CancelAsync();
            await traffic;
            // The one request in flight on the dying engine (the client sends one at a time) may be lost, as on any
            // node's death; every request started once the engine was gone is relayed to a live pod.
            var lost = load.FailedSpans.ToList();
            Assert.True(lost.Count <= 1 && lost.All(f => f.Start <= deathDone && f.End >= deathStarted),
                $"{lost.Count} of {load.Sent} requests failed during the node loss (engine stopping {deathStarted}..{deathDone}): "
                + string.Join("; ", load.Failures.Zip(lost, (f, t) => $"{t.Start}..{t.End} {f}")));
            Assert.True(load.Sent > 10, $"only {load.Sent} requests were sent during the node loss");

            await TestEngines.StartAsync(3);
            stopped = false;
            await Poll.UntilAsync("node e3 is Ready again", async () => (await host.Client.GetAsync<Node>("e3"))?.Status.IsReady == true, TimeSpan.FromSeconds(60));
            await Poll.UntilAsync("e3's old containers are removed", async () => (await EngineCluster.ContainersOnAsync(host, "e3")).Count == 0, TimeSpan.FromSeconds(60));
            var after = await host.PodsAsync();
            Assert.Equal(moved.Select(p => p.Metadata.Uid).Order(), after.Select(p => p.Metadata.Uid).Order()); // nothing adopted twice

            // A rollout while the three engines serve: the new pods spread over them again, and no request fails.
            var rollout = new ServiceLoad();
            using var stopRollout = new CancellationTokenSource();
            var rolloutTraffic = rollout.SendAsync(http, url, () => !stopRollout.IsCancellationRequested);
            var update = new AppDeclaration();
            Declare(update, "v2");
            await host.Client.ApplyAsync(update);
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            var status = await host.Services.GetRequiredService<IRolloutClient>().WaitAsync("web", cancellationToken: limit.Token);
            await stopRollout.CancelAsync();
            await rolloutTraffic;
            Assert.True(status.IsComplete, status.Message);
            Assert.True(rollout.Failures.Count == 0, $"{rollout.Failures.Count} of {rollout.Sent} requests failed during the rollout: {string.Join("; ", rollout.Failures)}");
            Assert.Contains("v2", rollout.Answers);
            var rolled = await host.WaitForPodsAsync("v2 runs", p => DockerOrchestrator.AllRunning(p, 3), TimeSpan.FromSeconds(30));
            Assert.Equal(3, rolled.Select(p => p.Spec.NodeName).Distinct().Count());
        }
        finally
        {
            if (stopped)
            {
                await TestEngines.StartAsync(3);
            }

            await host.DisposeAsync();
        }

        for (var i = 1; i <= 3; i++)
        {
            await EngineCluster.AssertNothingLeftAsync(TestEngines.Endpoint(i), host.AppName);
        }
    }

    private static void Declare(AppDeclaration app, string version)
    {
        var web = EngineCluster.Web(app, 3, version);
        app.AddService("web").SelectingPodsOf(web).WithPort(80, targetPort: 8080).ExposedOnHost();
    }
}
