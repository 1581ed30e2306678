using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime.InMemory;
using Orchestration.Sdk.Runtime.NodeAgents;
using Orchestration.Sdk.Testing;

namespace Orchestration.Sdk.Tests.Storage;

/// <summary>emptyDir and hostPath volumes on the in-memory runtime: shared by a pod's containers, kept across restarts, gone with the pod.</summary>
public class VolumeRuntimeTests
{
    [Fact]
    public async Task EmptyDir_TwoContainers_ShareFilesAndKeepThemAcrossARestart()
    {
        await using var cluster = await TestCluster.StartAsync(
            app => app.AddDeployment("web").WithImage("nginx").WithEmptyDir("shared", "/usr/share/nginx/html")
                .WithContainer("writer", c => c.WithImage("busybox").WithVolumeMount("shared", "/out", subPath: "site")),
            nodes: n => n.Add("node-1"), time: new FakeTimeProvider());
        await cluster.WaitForReadyReplicasAsync("web", 1);
        var pod = Assert.Single(cluster.Pods("web")).Metadata.Name;
        var node = cluster.Nodes["node-1"];

        node.WriteFile(pod, "writer", "/out/index.html", "hello");
        node.WriteFile(pod, "web", "/tmp/scratch", "layer only");
        Assert.Equal("hello", node.ReadFile(pod, "web", "/usr/share/nginx/html/site/index.html"));

        node.CrashContainer(pod, "web");
        await cluster.WaitUntilAsync("web restarted", c => c.Pods("web").Single().Status.ContainerStatuses.Single(s => s.Name == "web") is { RestartCount: 1, Ready: true });

        Assert.Equal("hello", node.ReadFile(pod, "web", "/usr/share/nginx/html/site/index.html"));
        Assert.Null(node.ReadFile(pod, "web", "/tmp/scratch")); // the writable layer went with the old instance
    }

    [Fact]
    public async Task EmptyDir_PodReplaced_NewPodStartsEmptyAndOldVolumeIsRemoved()
    {
        await using var cluster = await TestCluster.StartAsync(
            app => app.AddDeployment("web").WithImage("nginx").WithEmptyDir("cache", "/cache", StorageMedium.Memory, "16Mi"),
            nodes: n => n.Add("node-1"), time: new FakeTimeProvider());
        await cluster.WaitForReadyReplicasAsync("web", 1);
        var node = cluster.Nodes["node-1"];
        var old = Assert.Single(cluster.Pods("web"));
        node.WriteFile(old.Metadata.Name, "web", "/cache/entry", "x");
        Assert.Equal([old.Metadata.Uid + "-cache"], node.VolumeIds);
        var mount = Assert.Single(node.FindCreateRequest(old.Metadata.Name, "web")!.Mounts);
        Assert.True(mount.Volume.InMemory);
        Assert.Equal(16L * 1024 * 1024, mount.Volume.SizeLimitBytes);

        await cluster.Client.DeleteAsync<Pod>(old.Metadata.Name);
        await cluster.WaitUntilAsync("a replacement is ready and the old pod is gone", c =>
            c.Pods("web") is [{ Status.Phase: PodPhase.Running } p] && p.Metadata.Uid != old.Metadata.Uid && p.Status.ContainerStatuses.All(s => s.Ready));
        var replacement = cluster.Pods("web").Single();

        Assert.Null(node.ReadFile(replacement.Metadata.Name, "web", "/cache/entry"));
        await cluster.WaitUntilAsync("only the new pod's volume is left", _ => node.VolumeIds.SequenceEqual([replacement.Metadata.Uid + "-cache"]));
    }

    [Fact]
    public async Task VolumeMount_ReadOnly_RefusesWrites()
    {
        await using var cluster = await TestCluster.StartAsync(
            app => app.AddDeployment("web").WithImage("nginx").WithEmptyDir("shared")
                .WithVolumeMount("shared", "/ro", readOnly: true),
            nodes: n => n.Add("node-1"), time: new FakeTimeProvider());
        await cluster.WaitForReadyReplicasAsync("web", 1);
        var pod = Assert.Single(cluster.Pods("web")).Metadata.Name;

        var ex = Assert.Throws<IOException>(() => cluster.Nodes["node-1"].WriteFile(pod, "web", "/ro/file", "x"));

        Assert.Equal("/ro/file: read-only file system", ex.Message);
    }

    [Fact]
    public async Task FailVolumeMount_ContainerWaitsWithFailedMountThenStartsWhenCleared()
    {
        var time = new FakeTimeProvider();
        await using var cluster = await TestCluster.StartAsync(nodes: n => n.Add("node-1"), time: time);
        var node = cluster.Nodes["node-1"];
        node.FailVolumeMount("cache", "disk full");
        var app = new AppDeclaration();
        app.AddDeployment("web").WithImage("nginx").WithEmptyDir("cache", "/cache");
        await cluster.Client.ApplyAsync(app);

        await cluster.WaitUntilAsync("web waits with FailedMount", c =>
            c.Pods("web").SingleOrDefault()?.Status.ContainerStatuses.SingleOrDefault()?.State.Waiting is
            { Reason: "FailedMount", Message: "MountVolume.SetUp failed for volume \"cache\" : disk full" });
        Assert.DoesNotContain(node.Containers, c => c.Labels[Orchestration.Sdk.Runtime.RuntimeLabels.ContainerName] == "web");

        node.ClearVolumeMountFailure("cache");
        await cluster.AdvanceUntilAsync("web is ready", c => c.Deployment("web")?.Status.ReadyReplicas == 1, time.Advance, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task HostPath_NotAllowed_WaitsWithConfigError_AllowedMounts()
    {
        await using var refused = await TestCluster.StartAsync(
            app => app.AddDeployment("logs").WithImage("fluentbit").WithHostPath("varlog", "/var/log", "/host/var/log", readOnly: true),
            nodes: n => n.Add("node-1"), time: new FakeTimeProvider());

        await refused.WaitUntilAsync("logs refused", c =>
            c.Pods("logs").SingleOrDefault()?.Status.ContainerStatuses.SingleOrDefault()?.State.Waiting is
            { Reason: "CreateContainerConfigError", Message: "hostPath volume \"varlog\" is not allowed: set NodeAgentOptions.AllowHostPathVolumes to opt in (unsafe)" });

        await using var allowed = await TestCluster.StartAsync(
            app => app.AddDeployment("logs").WithImage("fluentbit").WithHostPath("varlog", "/var/log", "/host/var/log", readOnly: true),
            nodes: n => n.Add("node-1"), time: new FakeTimeProvider(),
            configureServices: s => s.Configure<NodeAgentOptions>(o => o.AllowHostPathVolumes = true));
        await allowed.WaitForReadyReplicasAsync("logs", 1);

        var mount = Assert.Single(allowed.Nodes["node-1"].FindCreateRequest(allowed.Pods("logs").Single().Metadata.Name, "logs")!.Mounts);
        Assert.Equal(("/var/log", "/host/var/log", true), (mount.Volume.HostPath, mount.ContainerPath, mount.ReadOnly));
    }
}
