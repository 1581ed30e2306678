using Orchestration.Sdk.Docker.Tests.Support;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Networking;

namespace Orchestration.Sdk.Docker.Tests.MultiEngine;

/// <summary>Three real engines, each a node: capacity from each engine, a deployment spread over them, services by name from every engine.</summary>
[Collection(EngineCollection.Name)]
public sealed class MultiEngineSchedulingTests
{
    [EngineFact(3)]
    public async Task ThreeEngines_EachANode_DeploymentSpreadOverThem_ServicesReachedByNameFromEveryEngine()
    {
        var host = await EngineCluster.StartAsync(3, app =>
        {
            var web = EngineCluster.Web(app, 3);
            app.AddService("web").SelectingPodsOf(web).WithPort(80, targetPort: 8080).ExposedOnHost();
            app.AddDeployment("client").WithImage(TestImage.Name).WithReplicas(3).WithCommand("/bin/sleep", "3600")
                .WithResources(cpu: "10m", memory: "8Mi").WithTerminationGracePeriod(TimeSpan.FromSeconds(1));
        }, o => o.Engines[2].WithCapacity(cpu: "3", memory: "3Gi").WithLabel("zone", "c"));
        try
        {
            var nodes = await Poll.UntilAsync("three nodes are Ready", () => EngineCluster.NodesAsync(host), n => n.Count == 3 && n.All(x => x.Status.IsReady),
                TimeSpan.FromSeconds(60), describe: n => string.Join(", ", n.Select(x => $"{x.Metadata.Name} ready={x.Status.IsReady}")));
            var info = await host.RuntimeOf("e1").Client.System.GetSystemInfoAsync();
            var e1 = nodes.Single(n => n.Metadata.Name == "e1");
            var e3 = nodes.Single(n => n.Metadata.Name == "e3");
            Assert.Equal(info.NCPU * 1000, e1.Status.Capacity.Cpu.MilliValue); // from the engine's /info
            Assert.Equal(info.MemTotal, e1.Status.Capacity.Memory.IntegerValue);
            Assert.Equal(3000, e3.Status.Capacity.Cpu.MilliValue); // configured
            Assert.Equal(3L * 1024 * 1024 * 1024, e3.Status.Capacity.Memory.IntegerValue);
            Assert.Equal("10.250.0.12", nodes.Single(n => n.Metadata.Name == "e2").Status.Address);
            Assert.Equal("c", e3.Metadata.Labels["zone"]);

            var pods = await host.WaitForPodsAsync("web and client run", p => DockerOrchestrator.AllRunning(p, 6) && p.All(x => x.Status.IsReady), TimeSpan.FromSeconds(120));
            var web = pods.Where(p => p.Metadata.Name.StartsWith("web-", StringComparison.Ordinal)).ToList();
            var clients = pods.Where(p => p.Metadata.Name.StartsWith("client-", StringComparison.Ordinal)).ToList();
            Assert.Equal(["e1", "e2", "e3"], web.Select(p => p.Spec.NodeName).Order()); // spread: one replica per engine
            Assert.Equal(["e1", "e2", "e3"], clients.Select(p => p.Spec.NodeName).Order());
            Assert.All(web, p => Assert.StartsWith("10.10" + p.Spec.NodeName![1..] + ".", p.Status.PodIP, StringComparison.Ordinal)); // each engine's own subnet

            foreach (var client in clients)
            {
                // A pod on each engine reaches the service by name (its hosts file names it; the proxy on the bridge address relays).
                var (exitCode, output) = await host.RuntimeOf(client.Spec.NodeName!).ExecAsync(
                    client.Status.ContainerStatuses[0].ContainerId!, ["wget", "-q", "-O-", "http://web/"], CancellationToken.None);
                Assert.True(exitCode == 0, $"{client.Metadata.Name} on {client.Spec.NodeName}: wget http://web/ exited {exitCode}: {output}");
                Assert.False(string.IsNullOrWhiteSpace(output));
            }

            var service = (await host.Client.GetAsync<Service>("web"))!;
            Assert.Equal(EngineCluster.BridgeAddress, service.Spec.ClusterIP);
            using var http = ServiceLoad.NewClient();
            var url = $"http://127.0.0.1:{service.Spec.Ports[0].NodePort}/";
            await ServiceLoad.WaitForAnswerAsync(http, url);
            var load = new ServiceLoad();
            await load.SendAsync(http, url, () => load.Sent < 30);
            Assert.Empty(load.Failures);
            Assert.Equal(3, load.Answers.Distinct().Count()); // the host reaches the pods of all three engines
        }
        finally
        {
            await host.DisposeAsync();
        }

        for (var i = 1; i <= 3; i++)
        {
            await EngineCluster.AssertNothingLeftAsync(TestEngines.Endpoint(i), host.AppName);
        }
    }
}
