using Orchestration.Sdk.Model;
using Orchestration.Sdk.Networking;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Runtime.InMemory;
using Orchestration.Sdk.Store;
using Orchestration.Sdk.Runtime.Probes;

namespace Orchestration.Sdk.Tests.Networking;

public class EndpointsControllerTests
{
    private static void WebApp(AppDeclaration app, int replicas = 3)
    {
        var web = app.AddDeployment("web").WithImage("web:1").WithReplicas(replicas).WithPort(8080, name: "http");
        app.AddService("web").SelectingPodsOf(web).WithPort(80, targetPortName: "http");
    }

    [Fact]
    public async Task Reconcile_ReadyPods_ListedWithPodNodeAddressAndResolvedPort()
    {
        await using var c = await ServiceCluster.StartAsync(app => WebApp(app));
        await c.Cluster.WaitForReadyReplicasAsync("web", 3);
        await c.WaitForEndpointsAsync("web", "web", 3);

        var pods = c.Cluster.Pods("web").ToDictionary(p => p.Metadata.Name);
        var endpoints = c.Endpoints("web")!;
        Assert.Empty(endpoints.NotReadyAddresses);
        Assert.All(endpoints.Addresses, a =>
        {
            Assert.True(a.Ready);
            Assert.Equal(pods[a.PodName].Status.PodIP, a.IP);
            Assert.Equal(pods[a.PodName].Spec.NodeName, a.NodeName);
            Assert.Equal([new EndpointPort(null, 8080)], a.Ports);
        });
        var service = c.Service("web")!;
        Assert.StartsWith("10.96.", service.Spec.ClusterIP, StringComparison.Ordinal);
        await c.Cluster.WaitUntilAsync("condition EndpointsReady is True", _ =>
            c.Service("web")!.Status.Conditions.Find(ServiceConditionType.EndpointsReady) is { IsTrue: true, Reason: ServiceConditionType.ReadyEndpointsReason });
    }

    [Fact]
    public async Task Reconcile_PodStopsBeingReady_LeavesThenRejoins()
    {
        await using var c = await ServiceCluster.StartAsync(app => WebApp(app));
        await c.WaitForEndpointsAsync("web", "web", 3);
        var victim = c.Cluster.Pods("web")[1];

        c.SetReady(victim, ready: false);

        await c.Cluster.WaitUntilAsync("the unready pod moved to notReadyAddresses", _ =>
            c.Endpoints("web") is { Addresses.Count: 2 } e && !e.Addresses.Any(a => a.PodName == victim.Metadata.Name) &&
            e.NotReadyAddresses is [{ Ready: false } n] && n.PodName == victim.Metadata.Name);

        c.SetReady(victim, ready: true);

        await c.WaitForEndpointsAsync("web", "web", 3);
        Assert.Empty(c.Endpoints("web")!.NotReadyAddresses);
    }

    [Fact]
    public async Task Reconcile_ContainerCrashes_PodLeavesUntilRestartedAndReady()
    {
        await using var c = await ServiceCluster.StartAsync(app => WebApp(app, 2));
        await c.WaitForEndpointsAsync("web", "web", 2);
        var victim = c.Cluster.Pods("web")[0];

        var node = c.Cluster.Nodes[victim.Spec.NodeName!];

        // The first restart is immediate; the second crash waits out the 10 s CrashLoopBackOff, not ready.
        node.CrashContainer(victim.Metadata.Name, "web", exitCode: 1);
        await c.Cluster.WaitUntilAsync("first restart done", _ =>
            c.Cluster.Pods("web").Any(p => p.Metadata.Name == victim.Metadata.Name && p.Status.RestartCount == 1 && p.Status.IsReady));
        node.CrashContainer(victim.Metadata.Name, "web", exitCode: 1);

        await c.Cluster.WaitUntilAsync("the crashed pod left the ready endpoints", _ =>
            c.ReadyPods("web") is [var only] && only != victim.Metadata.Name);

        for (var i = 0; i < 5 && !c.ReadyPods("web").Contains(victim.Metadata.Name); i++)
        {
            c.Time.Advance(TimeSpan.FromSeconds(10)); // the first restart back-off is 10 s
            await c.Cluster.WaitUntilAsync("time step observed", _ => true);
        }

        await c.WaitForEndpointsAsync("web", "web", 2);
        Assert.Contains(victim.Metadata.Name, c.ReadyPods("web"));
    }

    [Fact]
    public async Task ContainerExit_WhileTheReplacementIsSlowToCreate_PodIsNotReadyAndLeavesTheEndpointsAtOnce()
    {
        await using var c = await ServiceCluster.StartAsync(app => WebApp(app, 2));
        await c.WaitForEndpointsAsync("web", "web", 2);
        var victim = c.Cluster.Pods("web")[0];
        var node = c.Cluster.Nodes[victim.Spec.NodeName!];
        node.DelayCalls(InMemoryOperation.CreateContainer, TimeSpan.FromSeconds(3)); // a slow engine, as Docker's create

        node.CrashContainer(victim.Metadata.Name, "web", exitCode: 137);

        // The fake clock does not move: the replacement's create is still waiting, yet the exit already shows.
        await c.Cluster.WaitUntilAsync("the exited container shows in the pod's status", _ =>
            c.Cluster.Pods("web").Single(p => p.Metadata.Name == victim.Metadata.Name).Status is { IsReady: false } s &&
            s.ContainerStatuses is [{ State.Terminated.ExitCode: 137, Ready: false }]);
        await c.Cluster.WaitUntilAsync("the pod left the ready endpoints", _ =>
            c.ReadyPods("web") is [var only] && only != victim.Metadata.Name);

        node.DelayCalls(InMemoryOperation.CreateContainer, TimeSpan.Zero);
        // Stepwise: the delayed create may have started its 3 s wait just after the last look at the clock.
        await c.Cluster.AdvanceUntilAsync("the replacement runs and is ready", _ => c.ReadyPods("web").Count == 2, c.Time.Advance, TimeSpan.FromSeconds(1), maxSteps: 30);
        await c.WaitForEndpointsAsync("web", "web", 2);
    }

    [Fact]
    public async Task Reconcile_ScaleDownAndUp_EndpointsFollowPods()
    {
        await using var c = await ServiceCluster.StartAsync(app => WebApp(app));
        await c.WaitForEndpointsAsync("web", "web", 3);

        await c.Cluster.Client.ScaleAsync("web", 1);
        await c.Cluster.WaitForReadyReplicasAsync("web", 1);
        await c.WaitForEndpointsAsync("web", "web", 1);

        await c.Cluster.Client.ScaleAsync("web", 4);
        await c.Cluster.WaitForReadyReplicasAsync("web", 4);
        await c.WaitForEndpointsAsync("web", "web", 4);
    }

    [Fact]
    public async Task Reconcile_PodDeletedOrTerminating_LeavesAtOnce()
    {
        await using var c = await ServiceCluster.StartAsync(app => WebApp(app, 2));
        await c.WaitForEndpointsAsync("web", "web", 2);
        var victim = c.Cluster.Pods("web")[0];
        var node = c.Cluster.Nodes[victim.Spec.NodeName!];
        node.IgnoreSigterm(victim.Metadata.Name, "web"); // stays terminating for the whole grace period

        c.Store.DeletePod(victim, c.Time.GetUtcNow());

        await c.Cluster.WaitUntilAsync("the terminating pod left the endpoints", _ =>
            c.Endpoints("web") is { } e && e.Addresses.Concat(e.NotReadyAddresses).All(a => a.PodName != victim.Metadata.Name));
        Assert.Contains(c.Cluster.Pods("web"), p => p.Metadata.Name == victim.Metadata.Name && p.IsTerminating());
    }

    [Fact]
    public async Task Reconcile_SelectorMatchesNothing_ZeroEndpointsAndWarningCondition()
    {
        await using var c = await ServiceCluster.StartAsync(app => app.AddService("ghost").WithSelector("app", "nobody").WithPort(80));

        await c.Cluster.WaitUntilAsync("ghost has a NoMatchingPods condition", _ =>
            c.Service("ghost")?.Status.Conditions.Find(ServiceConditionType.EndpointsReady) is { Status: ConditionStatus.False, Reason: ServiceConditionType.NoMatchingPodsReason });

        var endpoints = c.Endpoints("ghost");
        Assert.NotNull(endpoints);
        Assert.Empty(endpoints.Addresses);
        Assert.Equal("selector app=nobody matches no pods; the service has no endpoints",
            c.Service("ghost")!.Status.Conditions.Find(ServiceConditionType.EndpointsReady)!.Message);
    }

    [Fact]
    public async Task Reconcile_ServiceDeleted_EndpointsRemoved()
    {
        await using var c = await ServiceCluster.StartAsync(app => WebApp(app, 1));
        await c.WaitForEndpointsAsync("web", "web", 1);

        c.Store.Delete(c.Service("web")!.Key);

        await c.Cluster.WaitUntilAsync("endpoints web are gone", _ => c.Endpoints("web") is null);
    }

    [Fact]
    public async Task Reconcile_TwoServices_DistinctClusterIPsAndAllocatedHostPort()
    {
        await using var c = await ServiceCluster.StartAsync(app =>
        {
            var web = app.AddDeployment("web").WithImage("web:1").WithPort(8080);
            app.AddService("web").SelectingPodsOf(web).WithPort(80, targetPort: 8080).ExposedOnHost();
            app.AddService("admin").SelectingPodsOf(web).WithPort(81, targetPort: 8080).WithHostPort(31000);
        });

        await c.Cluster.WaitUntilAsync("both services have addresses", _ =>
            c.Service("web")?.Spec.ClusterIP is not null && c.Service("admin")?.Spec.ClusterIP is not null &&
            c.Service("web")!.Spec.Ports[0].NodePort is not null);

        Assert.NotEqual(c.Service("web")!.Spec.ClusterIP, c.Service("admin")!.Spec.ClusterIP);
        Assert.Equal(30000, c.Service("web")!.Spec.Ports[0].NodePort);
        Assert.Equal(31000, c.Service("admin")!.Spec.Ports[0].NodePort);
    }

    [Fact]
    public async Task Reconcile_DeclarationReapplied_KeepsClusterIPAndHostPort()
    {
        static AppDeclaration Web()
        {
            var app = new AppDeclaration();
            var web = app.AddDeployment("web").WithImage("web:1").WithPort(8080);
            app.AddService("web").SelectingPodsOf(web).WithPort(80, targetPort: 8080).ExposedOnHost();
            return app;
        }

        // "other" takes the lowest address first, so web's is higher; once other is gone a fresh allocation would differ.
        await using var c = await ServiceCluster.StartAsync(app => app.AddService("other").WithSelector("app", "other").WithPort(81).WithHostPort(30000));
        await c.Cluster.WaitUntilAsync("other has a cluster IP", _ => c.Service("other")?.Spec.ClusterIP is not null);
        await c.Cluster.Client.ApplyAsync(Web());
        await c.Cluster.WaitUntilAsync("web has its addresses", _ => c.Service("web")?.Spec is { ClusterIP: not null } s && s.Ports[0].NodePort is not null);
        var before = c.Service("web")!.Spec;
        c.Store.Delete(c.Service("other")!.Key);
        await c.Cluster.WaitUntilAsync("other's endpoints are gone", _ => c.Endpoints("other") is null);

        var reapplied = (await c.Cluster.Client.ApplyAsync(Web())).OfType<Service>().Single();
        // The declaration carries no address; apply keeps the allocated ones, so the proxy never sees the service without them.
        Assert.Equal(before.ClusterIP, reapplied.Spec.ClusterIP);
        Assert.Equal(before.Ports[0].NodePort, reapplied.Spec.Ports[0].NodePort);

        await c.Cluster.WaitUntilAsync("web has its addresses again", _ => c.Service("web")?.Spec is { ClusterIP: not null } s && s.Ports[0].NodePort is not null);
        Assert.Equal(before.ClusterIP, c.Service("web")!.Spec.ClusterIP);
        Assert.Equal(30001, before.Ports[0].NodePort);
        Assert.Equal(before.Ports[0].NodePort, c.Service("web")!.Spec.Ports[0].NodePort);
    }

    [Fact]
    public async Task Reconcile_ReadinessProbeFails_PodLeavesThenRejoinsWhenProbePasses()
    {
        await using var c = await ServiceCluster.StartAsync(app =>
        {
            var web = app.AddDeployment("web").WithImage("web:1").WithReplicas(2).WithPort(8080)
                .WithReadinessProbe(httpGet: "/healthz", port: 8080, periodSeconds: 1, failureThreshold: 1);
            app.AddService("web").SelectingPodsOf(web).WithPort(80, targetPort: 8080);
        });
        await c.AdvanceUntilAsync("both pods ready behind web", () => c.ReadyPods("web").Count == 2);
        var victim = c.Cluster.Pods("web")[0];
        var node = c.Cluster.Nodes[victim.Spec.NodeName!];

        node.SetProbeResult(victim.Metadata.Name, "web", ProbeKind.Readiness, healthy: false);
        await c.AdvanceUntilAsync("the failing pod left", () => c.ReadyPods("web") is [var only] && only != victim.Metadata.Name);
        Assert.Contains(c.Endpoints("web")!.NotReadyAddresses, a => a.PodName == victim.Metadata.Name);

        node.SetProbeResult(victim.Metadata.Name, "web", ProbeKind.Readiness, healthy: true);
        await c.AdvanceUntilAsync("the pod rejoined", () => c.ReadyPods("web").Contains(victim.Metadata.Name));
    }

    [Fact]
    public async Task Reconcile_HostPortHeldByOlderService_WarnsNamingPortAndHolderUntilFreed()
    {
        static AppDeclaration Exposed(string name)
        {
            var app = new AppDeclaration();
            app.AddService(name).WithSelector("app", name).WithPort(80).WithHostPort(30080);
            return app;
        }

        await using var c = await ServiceCluster.StartAsync(app => app.AddService("a").WithSelector("app", "a").WithPort(80).WithHostPort(30080));
        await c.Cluster.WaitUntilAsync("a holds its host port", _ =>
            c.Service("a")?.Status.Conditions.Find(ServiceConditionType.HostPortsAllocated) is { IsTrue: true });
        c.Time.Advance(TimeSpan.FromSeconds(1)); // b is created later than a

        await c.Cluster.Client.ApplyAsync(Exposed("b"));

        await c.Cluster.WaitUntilAsync("b reports the conflict", _ =>
            c.Service("b")?.Status.Conditions.Find(ServiceConditionType.HostPortsAllocated) is { Status: ConditionStatus.False, Reason: ServiceConditionType.PortAlreadyAllocatedReason });
        Assert.Equal("host port 30080 is already allocated to service \"default/a\"",
            c.Service("b")!.Status.Conditions.Find(ServiceConditionType.HostPortsAllocated)!.Message);
        Assert.True(c.Service("a")!.Status.Conditions.Find(ServiceConditionType.HostPortsAllocated)!.IsTrue);

        c.Store.Delete(c.Service("a")!.Key);

        await c.Cluster.WaitUntilAsync("b holds the port once a is gone", _ =>
            c.Service("b")?.Status.Conditions.Find(ServiceConditionType.HostPortsAllocated) is { IsTrue: true });
    }
}
