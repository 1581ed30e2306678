using System.Net;
using System.Net.Sockets;
using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Docker.Tests.Support;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Networking;

namespace Orchestration.Sdk.Docker.Tests.EndToEnd;

/// <summary>Services on the real engine: names in containers, the gateway proxy, the host port, readiness.</summary>
public sealed class DockerServiceTests
{
    /// <summary>httpd on 8080 answering with the pod's host name.</summary>
    private static readonly string[] HostnameServer =
        ["/bin/sh", "-c", "mkdir -p /w && cat /etc/hostname > /w/index.html && exec httpd -f -p 8080 -h /w"];

    [DockerFact]
    public async Task Service_ClientContainerCallsWebByName_AnswersComeFromAllThreeReplicas()
    {
        await using var orchestrator = await DockerOrchestrator.StartAsync(app =>
        {
            var web = Web(app, 3);
            app.AddService("web").SelectingPodsOf(web).WithPort(80, targetPort: 8080);
            app.AddDeployment("client").WithImage(TestImage.Name).WithCommand(
                "/bin/sh", "-c", "while :; do wget -q -O- http://web/ 2>&1 || echo FAILED; echo; sleep 0.05; done");
        });
        var webPods = await WaitForWebAsync(orchestrator, 3);
        var hostNames = webPods.Select(p => p.Metadata.Name).ToHashSet();

        // Logs exist only once the client's container runs: until then kubectl's "waiting to start" error is right.
        var client = (await orchestrator.WaitForPodsAsync("the client runs", p => p.Any(x => x.Metadata.Name.StartsWith("client-", StringComparison.Ordinal) && x.Status.IsReady)))
            .Single(p => p.Metadata.Name.StartsWith("client-", StringComparison.Ordinal));
        var seen = await Poll.UntilAsync(
            "the client heard from every web pod",
            async () => (await orchestrator.Client.GetLogsAsync(client.Metadata.Name))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(),
            hostNames.IsSubsetOf,
            interval: TimeSpan.FromMilliseconds(200),
            describe: answers => $"answers {string.Join(", ", answers)}; web pods {string.Join(", ", hostNames)}");

        Assert.True(hostNames.IsSubsetOf(seen), $"answers seen by the client: {string.Join(", ", seen)}; web pods: {string.Join(", ", hostNames)}");
        var service = await orchestrator.Client.GetAsync<Service>("web");
        Assert.Equal(await orchestrator.Runtime.GetNetworkGatewayAsync(CancellationToken.None), service!.Spec.ClusterIP);
        client = (await orchestrator.PodsAsync()).Single(p => p.Metadata.Name == client.Metadata.Name);
        var env = await ExecAsync(orchestrator, client, "env");
        Assert.Contains($"WEB_SERVICE_HOST={service.Spec.ClusterIP}", env, StringComparison.Ordinal);
        Assert.Contains("WEB_SERVICE_PORT=80", env, StringComparison.Ordinal);
    }

    [DockerFact]
    public async Task Names_PodByItsNameAndServiceByItsClusterDomainName_ReachableFromAnotherPod()
    {
        await using var orchestrator = await DockerOrchestrator.StartAsync(app =>
        {
            var web = Web(app, 1);
            app.AddService("web").SelectingPodsOf(web).WithPort(80, targetPort: 8080);
            app.AddDeployment("client").WithImage(TestImage.Name).WithCommand("/bin/sleep", "600");
        });
        var web = Assert.Single(await WaitForWebAsync(orchestrator, 1));
        var client = (await orchestrator.WaitForPodsAsync("the client runs", p => p.Any(x => x.Metadata.Name.StartsWith("client-", StringComparison.Ordinal) && x.Status.IsReady)))
            .Single(p => p.Metadata.Name.StartsWith("client-", StringComparison.Ordinal));

        var byPodName = await ExecAsync(orchestrator, client, "wget", "-q", "-O-", $"http://{web.Metadata.Name}:8080/");
        var byServiceDomain = await ExecAsync(orchestrator, client, "wget", "-q", "-O-", "http://web.default.svc.cluster.local/");

        Assert.Equal(web.Metadata.Name, byPodName.Trim());
        Assert.Equal(web.Metadata.Name, byServiceDomain.Trim());
    }

    [DockerFact]
    public async Task Service_ReplicaKilledDuring200Requests_NoRequestLostOnTheStableHostPort()
    {
        await using var orchestrator = await DockerOrchestrator.StartAsync(app =>
        {
            var web = Web(app, 3);
            app.AddService("web").SelectingPodsOf(web).WithPort(80, targetPort: 8080).ExposedOnHost();
        });
        var pods = await WaitForWebAsync(orchestrator, 3);
        var service = (await orchestrator.Client.GetAsync<Service>("web"))!;
        var hostPort = Assert.IsType<int>(service.Spec.Ports[0].NodePort);
        var url = $"http://127.0.0.1:{hostPort}/";
        using var http = ServiceLoad.NewClient();
        await ServiceLoad.WaitForAnswerAsync(http, url);
        var victim = pods[0].Status.ContainerStatuses[0].ContainerId!;

        var load = new ServiceLoad();
        await load.SendAsync(http, url, () => load.Sent < 200, async i =>
        {
            if (i == 50)
            {
                await orchestrator.Runtime.Client.Containers.KillContainerAsync(victim, new() { Signal = "KILL" }, CancellationToken.None);
            }
        });

        Assert.Empty(load.Failures);
        Assert.Equal(200, load.Answers.Count);
        Assert.True(load.Answers.Distinct().Count() >= 2, "answers came from one replica only: " + string.Join(", ", load.Answers.Distinct()));
        var after = (await orchestrator.Client.GetAsync<Service>("web"))!;
        Assert.Equal(hostPort, after.Spec.Ports[0].NodePort);
        Assert.Equal(ConditionStatus.True, after.Status.Conditions.Find(ServiceConditionType.Listening)?.Status);
    }

    [DockerFact]
    public async Task Service_UnreadyPod_GetsNoRequests()
    {
        await using var orchestrator = await DockerOrchestrator.StartAsync(app =>
        {
            Web(app, 1, "ready").WithLabel("tier", "web");

            // Same labels and server, but its readiness check asks for a page it never has.
            app.AddDeployment("unready").WithLabel("tier", "web").WithImage(TestImage.Name).WithCommand(HostnameServer).WithPort(8080)
                .WithResources(cpu: "20m", memory: "16Mi")
                .WithReadinessProbe(httpGet: "/never-there", port: 8080, periodSeconds: 1);
            app.AddService("web").WithSelector("tier", "web").WithPort(80, targetPort: 8080).ExposedOnHost();
        });
        var pods = await orchestrator.WaitForPodsAsync(
            "both pods run, one ready",
            p => DockerOrchestrator.AllRunning(p, 2) && p.Count(x => x.Status.IsReady) == 1);
        var ready = pods.Single(p => p.Status.IsReady).Metadata.Name;
        var hostPort = (await orchestrator.Client.GetAsync<Service>("web"))!.Spec.Ports[0].NodePort!.Value;
        using var http = ServiceLoad.NewClient();
        await ServiceLoad.WaitForAnswerAsync(http, $"http://127.0.0.1:{hostPort}/");

        var load = new ServiceLoad();
        await load.SendAsync(http, $"http://127.0.0.1:{hostPort}/", () => load.Sent < 30);

        Assert.Empty(load.Failures);
        Assert.All(load.Answers, a => Assert.Equal(ready, a));
    }

    [DockerFact]
    public async Task Service_HostPortHeldByAnotherProcess_ConditionNamesPortAndHolder()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;

        await using var orchestrator = await DockerOrchestrator.StartAsync(app =>
            app.AddService("web").WithSelector("app", "web").WithPort(80, targetPort: 8080).WithHostPort(port));

        var condition = await WaitForConditionAsync(orchestrator, "web", c => c.Status == ConditionStatus.False);
        Assert.Equal(ServiceConditionType.PortInUseReason, condition.Reason);
        Assert.Contains($"port {port} on 127.0.0.1 is already in use by process {Environment.ProcessId}", condition.Message, StringComparison.Ordinal);
    }

    [DockerFact]
    public async Task Service_CreatedAfterThePod_ItsNameReachesTheRunningPodsHostsFile()
    {
        await using var orchestrator = await DockerOrchestrator.StartAsync(app =>
            app.AddDeployment("client").WithImage(TestImage.Name).WithCommand("/bin/sleep", "600"));
        var client = Assert.Single(await orchestrator.WaitForPodsAsync("the client runs", p => DockerOrchestrator.AllRunning(p, 1)));

        var late = new AppDeclaration();
        late.AddService("late").WithSelector("app", "nothing").WithPort(81);
        await orchestrator.Client.ApplyAsync(late);

        var gateway = await orchestrator.Runtime.GetNetworkGatewayAsync(CancellationToken.None);
        var hosts = await Poll.UntilAsync(
            "the client's hosts file names the late service",
            () => ExecAsync(orchestrator, client, "cat", "/etc/hosts"),
            h => h.Contains("late.default.svc.cluster.local", StringComparison.Ordinal),
            TimeSpan.FromSeconds(20));

        Assert.Contains($"{gateway}\tlate late.default late.default.svc late.default.svc.cluster.local", hosts, StringComparison.Ordinal);
        Assert.Contains(client.Metadata.Name, hosts, StringComparison.Ordinal); // the pod's own name survives the rewrite
    }

    private static DeploymentBuilder Web(AppDeclaration app, int replicas, string name = "web") =>
        app.AddDeployment(name).WithImage(TestImage.Name).WithCommand(HostnameServer).WithPort(8080)
            .WithResources(cpu: "20m", memory: "16Mi")
            .WithReadinessProbe(httpGet: "/", port: 8080, periodSeconds: 1)
            .WithReplicas(replicas);

    private static async Task<IReadOnlyList<Pod>> WaitForWebAsync(DockerOrchestrator orchestrator, int count)
    {
        var pods = await orchestrator.WaitForPodsAsync(
            $"{count} web pods are ready",
            p => p.Count(x => x.Metadata.Name.StartsWith("web-", StringComparison.Ordinal) && x.Status.IsReady) == count,
            TimeSpan.FromSeconds(60));
        return [.. pods.Where(x => x.Metadata.Name.StartsWith("web-", StringComparison.Ordinal))];
    }

    private static async Task<string> ExecAsync(DockerOrchestrator orchestrator, Pod pod, params string[] command)
    {
        var (exitCode, output) = await orchestrator.Runtime.ExecAsync(pod.Status.ContainerStatuses[0].ContainerId!, command, CancellationToken.None);
        Assert.Equal(0, exitCode);
        return output;
    }

    private static async Task<Condition> WaitForConditionAsync(DockerOrchestrator orchestrator, string service, Func<Condition, bool> condition) =>
        (await Poll.UntilAsync(
            $"service {service}'s Listening condition matches",
            async () => (await orchestrator.Client.GetAsync<Service>(service))?.Status.Conditions.Find(ServiceConditionType.Listening),
            c => c is not null && condition(c),
            TimeSpan.FromSeconds(20)))!;
}
