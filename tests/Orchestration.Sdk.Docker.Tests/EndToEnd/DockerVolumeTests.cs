using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestration.Sdk.Docker.Tests.Support;
using Orchestration.Sdk.Docker.Volumes;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Storage;

namespace Orchestration.Sdk.Docker.Tests.EndToEnd;

/// <summary>Volumes and claims of a real host on the real engine: shared scratch space, data that outlives pods and hosts, nothing leaked.</summary>
public sealed class DockerVolumeTests
{
    private const string Loop = "trap 'exit 0' TERM; while :; do sleep 0.2; done";

    [DockerFact]
    public async Task EmptyDir_SharedByTwoContainers_MemoryOneIsTmpfs_AndBothGoWithThePod()
    {
        await using var orchestrator = await DockerOrchestrator.StartAsync(app => app.AddDeployment("web")
            .WithImage(TestImage.Name)
            .WithCommand("/bin/sh", "-c", "mkdir -p /shared/site && echo shared-hello > /shared/site/index.html; " + Loop)
            .WithEmptyDir("shared", "/shared")
            .WithEmptyDir("cache", "/cache", StorageMedium.Memory, "8Mi")
            .WithContainer("reader", c => c.WithImage(TestImage.Name).WithCommand("/bin/sh", "-c", Loop).WithVolumeMount("shared", "/srv", readOnly: true)
                .WithVolumeMount("shared", "/site", readOnly: true, subPath: "site")));
        var pod = Assert.Single(await orchestrator.WaitForPodsAsync("the web pod runs", p => DockerOrchestrator.AllRunning(p, 1)));

        var reader = pod.Status.ContainerStatuses.Single(c => c.Name == "reader").ContainerId!;
        var read = await Poll.UntilAsync("the reader sees the writer's file", () => ExecAsync(orchestrator, reader, "cat", "/srv/site/index.html"), r => r.ExitCode == 0);
        Assert.Equal("shared-hello", read.Output.Trim());
        Assert.Equal("shared-hello", (await ExecAsync(orchestrator, reader, "cat", "/site/index.html")).Output.Trim()); // the sub path
        Assert.NotEqual(0, (await ExecAsync(orchestrator, reader, "/bin/sh", "-c", "echo x > /srv/other")).ExitCode); // read-only mount
        var web = pod.Status.ContainerStatuses.Single(c => c.Name == "web").ContainerId!;
        var mounts = await ExecAsync(orchestrator, web, "cat", "/proc/mounts");
        Assert.Contains(mounts.Output.Split('\n'), line => line.StartsWith("tmpfs /cache tmpfs", StringComparison.Ordinal) && line.Contains("size=8192k", StringComparison.Ordinal));
        Assert.Equal(2, (await VolumesAsync(orchestrator, "emptyDir")).Count);

        await orchestrator.Client.DeleteAsync<Deployment>("web");
        await orchestrator.WaitForPodsAsync("the web pod is gone", p => p.Count == 0);
        await Poll.UntilAsync("the emptyDir volumes are gone", async () => (await VolumesAsync(orchestrator, "emptyDir")).Count == 0);
    }

    [DockerFact]
    public async Task Claim_DataSurvivesPodReplacementAndAHostRestart_RetainedVolumeOutlivesTheClaim()
    {
        var appName = DockerTestRuntime.NewAppName();
        var storePath = Path.Combine(Directory.CreateTempSubdirectory("orchestration-e2e-").FullName, "store.db");
        static void Declare(AppDeclaration app)
        {
            app.AddPersistentVolumeClaim("data").WithStorage("64Mi");
            app.AddDeployment("db").WithImage(TestImage.Name).WithCommand("/bin/sh", "-c", Loop)
                .WithPersistentVolumeClaim("data", "data", "/var/lib/db");
        }

        string? volumeName = null;
        try
        {
            await using (var first = await DockerOrchestrator.StartAsync(Declare, appName, DockerLifetime.Persistent, storePath: storePath))
            {
                var pod = Assert.Single(await first.WaitForPodsAsync("db runs", p => DockerOrchestrator.AllRunning(p, 1)));
                Assert.Equal(0, (await ExecAsync(first, pod.Status.ContainerStatuses[0].ContainerId!, "/bin/sh", "-c", "echo '1,alice' > /var/lib/db/rows")).ExitCode);
                var claim = (await first.Client.GetAsync<PersistentVolumeClaim>("data"))!;
                Assert.Equal(PersistentVolumeClaimPhase.Bound, claim.Status.Phase);
                volumeName = Assert.Single(await VolumesAsync(first, "claim")).Name;
                Assert.Equal($"orch_{appName}_{claim.Spec.VolumeName}", volumeName);

                await first.Client.DeleteAsync<Pod>(pod.Metadata.Name);
                var replacement = Assert.Single(await first.WaitForPodsAsync("a replacement runs", p => DockerOrchestrator.AllRunning(p, 1) && p[0].Metadata.Uid != pod.Metadata.Uid));
                Assert.Equal("1,alice", (await ExecAsync(first, replacement.Status.ContainerStatuses[0].ContainerId!, "cat", "/var/lib/db/rows")).Output.Trim());
            }

            await using var next = await DockerOrchestrator.StartAsync(Declare, appName, DockerLifetime.RemoveOnShutdown, storePath: storePath);
            var adopted = Assert.Single(await next.WaitForPodsAsync("db runs under the new host", p => DockerOrchestrator.AllRunning(p, 1)));
            await next.Client.DeleteAsync<Pod>(adopted.Metadata.Name);
            var after = Assert.Single(await next.WaitForPodsAsync("a replacement runs under the new host", p => DockerOrchestrator.AllRunning(p, 1) && p[0].Metadata.Uid != adopted.Metadata.Uid));
            Assert.Equal("1,alice", (await ExecAsync(next, after.Status.ContainerStatuses[0].ContainerId!, "cat", "/var/lib/db/rows")).Output.Trim());

            await next.Client.DeleteAsync<Deployment>("db");
            await next.WaitForPodsAsync("db is gone", p => p.Count == 0);
            await next.Client.DeleteAsync<PersistentVolumeClaim>("data");
            await Poll.UntilAsync("the claim is gone", async () => await next.Client.GetAsync<PersistentVolumeClaim>("data") is null);
            Assert.Equal([volumeName], (await VolumesAsync(next, "claim")).Select(v => v.Name)); // Retain: the data stays
            Assert.Empty(await VolumesAsync(next, "emptyDir"));
        }
        finally
        {
            if (volumeName is not null)
            {
                using var client = new DockerClientBuilder().WithEndpoint(DockerEnvironment.Endpoint).Build();
                await client.Volumes.RemoveAsync(volumeName, force: true);
            }
        }
    }

    [DockerFact]
    public async Task Claim_ReclaimPolicyDelete_VolumeRemovedWithTheClaim()
    {
        await using var orchestrator = await DockerOrchestrator.StartAsync(app =>
        {
            app.AddPersistentVolumeClaim("scratch").WithStorage("16Mi").WithReclaimPolicy(PersistentVolumeReclaimPolicy.Delete);
            app.AddDeployment("job").WithImage(TestImage.Name).WithCommand("/bin/sh", "-c", Loop).WithPersistentVolumeClaim("scratch", "scratch", "/scratch");
        });
        await orchestrator.WaitForPodsAsync("job runs", p => DockerOrchestrator.AllRunning(p, 1));
        Assert.Single(await VolumesAsync(orchestrator, "claim"));

        await orchestrator.Client.DeleteAsync<Deployment>("job");
        await orchestrator.WaitForPodsAsync("job is gone", p => p.Count == 0);
        await orchestrator.Client.DeleteAsync<PersistentVolumeClaim>("scratch");

        await Poll.UntilAsync("the claim and its volume are gone", async () =>
            await orchestrator.Client.GetAsync<PersistentVolumeClaim>("scratch") is null && (await VolumesAsync(orchestrator, "claim")).Count == 0);
    }

    private static async Task<IList<VolumeResponse>> VolumesAsync(DockerOrchestrator orchestrator, string kind) =>
        (await orchestrator.Runtime.Client.Volumes.ListAsync(new VolumesListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"{RuntimeLabels.App}={orchestrator.AppName}"] = true, [$"{DockerVolumes.KindLabel}={kind}"] = true },
            },
        })).Volumes ?? [];

    private static Task<(long ExitCode, string Output)> ExecAsync(DockerOrchestrator orchestrator, string containerId, params string[] command) =>
        orchestrator.Runtime.ExecAsync(containerId, command, CancellationToken.None);
}
