using Orchestration.Sdk.Docker.Tests.Support;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Networking;

namespace Orchestration.Sdk.Docker.Tests.EndToEnd;

/// <summary>A StatefulSet's governing headless service on the real engine: each replica has a stable name, <c>db-0.db</c>.</summary>
public sealed class DockerHeadlessServiceTests
{
    [DockerFact]
    public async Task HeadlessService_EachStatefulSetReplicaAnswersToItsOwnName_AndTheServiceHasNoProxyAddress()
    {
        await using var orchestrator = await DockerOrchestrator.StartAsync(app =>
        {
            var db = app.AddStatefulSet("db").WithImage(TestImage.Name).WithReplicas(2).WithServiceName("db").WithPort(8080)
                .WithCommand("/bin/sh", "-c", "mkdir -p /w && cat /etc/hostname > /w/index.html && exec httpd -f -p 8080 -h /w")
                .WithReadinessProbe(httpGet: "/index.html", port: 8080, periodSeconds: 1);
            app.AddService("db").SelectingPodsOf(db).WithPort(8080).Headless();
            app.AddDeployment("client").WithImage(TestImage.Name).WithCommand("/bin/sleep", "600");
        });
        var pods = await orchestrator.WaitForPodsAsync("db-0, db-1 and the client are ready", p => p.Count == 3 && p.All(x => x.Status.IsReady), TimeSpan.FromSeconds(90));
        var client = pods.Single(p => p.Metadata.Name.StartsWith("client-", StringComparison.Ordinal));

        // The proxy republishes every pod's hosts file when the endpoints change: poll until the names are there.
        foreach (var replica in new[] { "db-0", "db-1" })
        {
            var answer = await Poll.UntilAsync(
                $"{replica}.db answers from the client",
                () => TryWgetAsync(orchestrator, client, $"http://{replica}.db:8080/"),
                a => a?.Trim() == replica,
                describe: _ => orchestrator.Runtime.ExecAsync(client.Status.ContainerStatuses[0].ContainerId!, ["cat", "/etc/hosts"], CancellationToken.None).GetAwaiter().GetResult().Output);
            Assert.Equal(replica, answer!.Trim());
        }

        var service = (await orchestrator.Client.GetAsync<Service>("db"))!;
        Assert.Equal(ServiceSpec.ClusterIPNone, service.Spec.ClusterIP);
        var env = (await orchestrator.Runtime.ExecAsync(client.Status.ContainerStatuses[0].ContainerId!, ["env"], CancellationToken.None)).Output;
        Assert.DoesNotContain("DB_SERVICE_HOST", env, StringComparison.Ordinal); // as kubelet: no variables for a headless service
    }

    // No -T: the static busybox of the test image crashes (SIGSEGV) on wget's timeout option.
    private static async Task<string?> TryWgetAsync(DockerOrchestrator orchestrator, Pod pod, string url)
    {
        var (exitCode, output) = await orchestrator.Runtime.ExecAsync(pod.Status.ContainerStatuses[0].ContainerId!, ["wget", "-q", "-O-", url], CancellationToken.None);
        return exitCode == 0 ? output : null;
    }
}
