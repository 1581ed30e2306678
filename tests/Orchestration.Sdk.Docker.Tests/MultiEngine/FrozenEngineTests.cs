using System.Diagnostics;
using Orchestration.Sdk.Docker.Tests.Support;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Docker.Tests.MultiEngine;

/// <summary>An engine that hangs (its daemon frozen with SIGSTOP: calls neither answer nor fail) slows no other node.</summary>
[Collection(EngineCollection.Name)]
public sealed class FrozenEngineTests
{
    [EngineFact(2)]
    public async Task EngineFrozen_NodeNotReady_AndANewServiceReachesThePodsOfTheOtherEngineByName()
    {
        var host = await EngineCluster.StartAsync(2, app =>
        {
            EngineCluster.Web(app, 1, "alive").WithNodeSelector("kubernetes.io/hostname", "e1");
            app.AddDeployment("client").WithImage(TestImage.Name).WithReplicas(1).WithCommand("/bin/sleep", "3600")
                .WithNodeSelector("kubernetes.io/hostname", "e1").WithTerminationGracePeriod(TimeSpan.FromSeconds(1));
        });
        var frozen = false;
        try
        {
            var pods = await host.WaitForPodsAsync("the pods run on e1", p => DockerOrchestrator.AllRunning(p, 2) && p.All(x => x.Status.IsReady), TimeSpan.FromSeconds(90));
            await Poll.UntilAsync("node e2 is Ready", async () => (await host.Client.GetAsync<Node>("e2"))?.Status.IsReady == true, TimeSpan.FromSeconds(30));
            await SignalEngineAsync(2, "STOP");
            frozen = true;
            await Poll.UntilAsync("node e2 is NotReady", async () => (await host.Client.GetAsync<Node>("e2"))?.Status.IsReady == false, TimeSpan.FromSeconds(30));
            Assert.False(host.RuntimeOf("e2").IsAnswering);

            // A service declared now is written into e1's pods at once: the frozen engine is skipped, not waited for.
            var late = new AppDeclaration();
            late.AddService("late").WithSelector("app", "web").WithPort(80, targetPort: 8080);
            await host.Client.ApplyAsync(late);
            var client = pods.Single(p => p.Metadata.Name.StartsWith("client-", StringComparison.Ordinal));
            var answer = await Poll.UntilAsync("the client on e1 reaches the new service by name", async () =>
                await host.RuntimeOf("e1").ExecAsync(client.Status.ContainerStatuses[0].ContainerId!, ["wget", "-q", "-O-", "http://late/"], CancellationToken.None),
                r => r.ExitCode == 0, TimeSpan.FromSeconds(20), describe: r => $"exit {r.ExitCode}: {r.Output}");
            Assert.Equal("alive", answer.Output.Trim());
        }
        finally
        {
            if (frozen)
            {
                await SignalEngineAsync(2, "CONT");
            }

            await host.DisposeAsync();
        }

        await EngineCluster.AssertNothingLeftAsync(TestEngines.Endpoint(1), host.AppName);
        await EngineCluster.AssertNothingLeftAsync(TestEngines.Endpoint(2), host.AppName);
    }

    /// <summary>Sends a signal to engine <paramref name="engine"/>'s daemon (its pid file is scripts/engines.sh's).</summary>
    private static async Task SignalEngineAsync(int engine, string signal)
    {
        var pid = (await File.ReadAllTextAsync($"/run/orch-e{engine}/docker.pid")).Trim();
        using var kill = Process.Start("kill", ["-" + signal, pid])!;
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }
}
