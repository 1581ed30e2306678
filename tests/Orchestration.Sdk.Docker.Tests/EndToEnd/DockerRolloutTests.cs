using Orchestration.Sdk.Model;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Docker.Tests.Support;
using Orchestration.Sdk.Networking;

namespace Orchestration.Sdk.Docker.Tests.EndToEnd;

/// <summary>A rolling update on the real engine under continuous traffic through the service proxy.</summary>
public sealed class DockerRolloutTests
{
    [DockerFact]
    public async Task RollingUpdate_UnderLoadThroughTheService_NoFailedRequest_ThenOnlyV2Answers()
    {
        await using var orchestrator = await DockerOrchestrator.StartAsync(app => Declare(app, "v1"));
        await orchestrator.WaitForPodsAsync("3 ready v1 pods", p => p.Count(x => x.Status.IsReady) == 3, TimeSpan.FromSeconds(60));
        var hostPort = (await orchestrator.Client.GetAsync<Service>("web"))!.Spec.Ports[0].NodePort!.Value;
        var url = $"http://127.0.0.1:{hostPort}/";
        using var http = ServiceLoad.NewClient();
        Assert.Equal("v1", (await ServiceLoad.WaitForAnswerAsync(http, url)).Trim());

        var load = new ServiceLoad();
        using var stop = new CancellationTokenSource();
        var traffic = load.SendAsync(http, url, () => !stop.IsCancellationRequested);
        var update = new AppDeclaration();
        Declare(update, "v2");
        await orchestrator.Client.ApplyAsync(update);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var status = await orchestrator.Services.GetRequiredService<IRolloutClient>().WaitAsync("web", cancellationToken: limit.Token);
        await stop.CancelAsync();
        await traffic;

        Assert.True(status.IsComplete, status.Message);
        Assert.Empty(load.Failures);
        Assert.Contains("v1", load.Answers);
        Assert.Contains("v2", load.Answers);
        // Complete means no old replica is counted; a v1 pod that is terminating still serves until the proxy has
        // dropped it (its termination waits for that), as in Kubernetes. Once the v1 pods are gone, only v2 answers.
        await orchestrator.WaitForPodsAsync(
            "only the 3 v2 pods left",
            p => p.Count == 3 && p.All(x => x.Spec.Containers[0].Env.Contains(new EnvVar("VERSION", "v2"))),
            TimeSpan.FromSeconds(60));
        var after = new ServiceLoad();
        await after.SendAsync(http, url, () => after.Sent < 20);
        Assert.Empty(after.Failures);
        Assert.All(after.Answers, a => Assert.Equal("v2", a));
    }

    private static void Declare(AppDeclaration app, string version)
    {
        var web = app.AddDeployment("web").WithImage(TestImage.Name)
            .WithCommand("/bin/sh", "-c", "mkdir -p /w && echo $VERSION > /w/index.html && exec httpd -f -p 8080 -h /w")
            .WithEnvironment("VERSION", version)
            .WithPort(8080)
            .WithResources(cpu: "20m", memory: "16Mi")
            .WithReadinessProbe(httpGet: "/", port: 8080, periodSeconds: 1)
            .WithRollingUpdate(maxSurge: 1, maxUnavailable: 0)
            .WithReplicas(3);
        app.AddService("web").SelectingPodsOf(web).WithPort(80, targetPort: 8080).ExposedOnHost();
    }
}
