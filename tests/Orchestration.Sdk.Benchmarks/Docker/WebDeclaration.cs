using Orchestration.Sdk.Model;
using Orchestration.Sdk.Networking;

namespace Orchestration.Sdk.Benchmarks.Docker;

/// <summary>The web app both HTTP benchmarks deploy: busybox httpd on 8080 answering its version, behind a host-reachable service.</summary>
internal static class WebDeclaration
{
    public static AppDeclaration Build(string version, int replicas)
    {
        var app = new AppDeclaration();
        var web = app.AddDeployment("web").WithImage(BenchImage.Name)
            .WithCommand("/bin/sh", "-c", "mkdir -p /w && echo $VERSION > /w/index.html && exec httpd -f -p 8080 -h /w")
            .WithEnvironment("VERSION", version)
            .WithPort(8080)
            .WithResources(cpu: "50m", memory: "16Mi")
            .WithReadinessProbe(httpGet: "/", port: 8080, periodSeconds: 1)
            .WithRollingUpdate(maxSurge: 1, maxUnavailable: 0)
            .WithReplicas(replicas);
        app.AddService("web").SelectingPodsOf(web).WithPort(80, targetPort: 8080).ExposedOnHost();
        return app;
    }

    /// <summary>Waits until <paramref name="replicas"/> web pods are ready and returns them with the service's host port.</summary>
    public static async Task<(IReadOnlyList<Pod> Pods, int HostPort)> WaitReadyAsync(SdkDockerRound sdk, int replicas, CancellationToken cancellationToken)
    {
        var pods = await sdk.WaitAsync(
            s => s.Client.ListAsync<Pod>(cancellationToken: cancellationToken),
            p => p.Count(x => x.Status.IsReady) == replicas,
            TimeSpan.FromMinutes(2),
            cancellationToken);
        var service = await sdk.WaitAsync(
            s => s.Client.GetAsync<Service>("web", cancellationToken: cancellationToken),
            s => s?.Spec.Ports[0].NodePort is not null,
            TimeSpan.FromSeconds(30),
            cancellationToken);
        return (pods, service!.Spec.Ports[0].NodePort!.Value);
    }
}
