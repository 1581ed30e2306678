using Orchestration.Sdk.Docker.Tests.Support;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Networking;

namespace Orchestration.Sdk.Docker.Tests.MultiEngine;

/// <summary>A Podman service (its Docker-compatible API) as a node beside a Docker engine: pods are scheduled onto it by its label and serve through a service.</summary>
[Collection(EngineCollection.Name)]
public sealed class PodmanEngineTests
{
    [ExtraEngineFact]
    public async Task PodmanNode_BesideADockerEngine_RunsThePodsSelectingIt_AndServesThroughAService()
    {
        var podman = TestEngines.Podman!;
        await TestImage.EnsureBuiltAsync(podman);
        var host = await EngineCluster.StartAsync(1, app =>
        {
            var web = EngineCluster.Web(app, 2, "served-by-podman").WithNodeSelector("engine", "podman");
            app.AddService("web").SelectingPodsOf(web).WithPort(80, targetPort: 8080).ExposedOnHost();
            app.AddDeployment("client").WithImage(TestImage.Name).WithReplicas(1).WithCommand("/bin/sleep", "3600")
                .WithNodeSelector("engine", "docker").WithTerminationGracePeriod(TimeSpan.FromSeconds(1));
        }, o => o.AddEngine("podman", podman, e => e.WithLabel("engine", "podman")));
        try
        {
            var nodes = await Poll.UntilAsync("the Podman node is Ready", () => EngineCluster.NodesAsync(host),
                n => n.Any(x => x.Metadata.Name == "podman" && x.Status.IsReady), TimeSpan.FromSeconds(60));
            Assert.True(nodes.Single(n => n.Metadata.Name == "podman").Status.Capacity.Cpu.MilliValue > 0);
            var pods = await host.WaitForPodsAsync("web runs on Podman, the client on Docker", p => DockerOrchestrator.AllRunning(p, 3) && p.All(x => x.Status.IsReady),
                TimeSpan.FromSeconds(120));
            Assert.All(pods.Where(p => p.Metadata.Name.StartsWith("web-", StringComparison.Ordinal)), p => Assert.Equal("podman", p.Spec.NodeName));
            var client = pods.Single(p => p.Metadata.Name.StartsWith("client-", StringComparison.Ordinal));
            Assert.Equal("e1", client.Spec.NodeName);

            // A pod on the Docker engine reaches the pods on Podman through the service, by name; so does the host.
            var (exitCode, output) = await host.RuntimeOf("e1").ExecAsync(
                client.Status.ContainerStatuses[0].ContainerId!, ["wget", "-q", "-O-", "http://web/"], CancellationToken.None);
            Assert.True(exitCode == 0, $"wget http://web/ from e1 exited {exitCode}: {output}");
            Assert.Equal("served-by-podman", output.Trim());
            var service = (await host.Client.GetAsync<Service>("web"))!;
            using var http = ServiceLoad.NewClient();
            var answer = await ServiceLoad.WaitForAnswerAsync(http, $"http://127.0.0.1:{service.Spec.Ports[0].NodePort}/");
            Assert.Equal("served-by-podman", answer.Trim());
            var info = await host.RuntimeOf("podman").GetInfoAsync(CancellationToken.None);
            Assert.StartsWith("podman ", info.Version, StringComparison.Ordinal);
        }
        finally
        {
            await host.DisposeAsync();
        }

        await EngineCluster.AssertNothingLeftAsync(podman, host.AppName);
        await EngineCluster.AssertNothingLeftAsync(TestEngines.Endpoint(1), host.AppName);
    }
}
