using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Sdk.Autoscaling;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime.InMemory;

namespace Orchestration.Sdk.Kubernetes.Tests.Kubectl;

/// <summary>The real kubectl's remaining verbs: autoscale, logs -f, rollout pause/resume, and cascading deletes.</summary>
[Collection(KubectlCollection.Name)]
public sealed class KubectlWorkflowTests(ApiHost host) : IClassFixture<ApiHost>
{
    private KubectlRunner Kubectl => host.Kubectl;

    [Fact]
    public async Task Autoscale_Deployment_CreatesTheAutoscalerThatGetHpaShows()
    {
        await host.Client.ApplyAsync(AppObjects.Deployment("web", replicas: 1));

        var created = (await Kubectl.RunAsync("autoscale", "deployment", "web", "--min=2", "--max=5", "--cpu-percent=80")).Succeeded();
        var table = (await Kubectl.RunAsync("get", "hpa", "web")).Succeeded().Stdout;

        Assert.Contains("horizontalpodautoscaler.autoscaling/web autoscaled", created.Stdout, StringComparison.Ordinal);
        var hpa = (await host.Client.GetAsync<HorizontalPodAutoscaler>("web"))!;
        Assert.Equal((2, 5, "web"), (hpa.Spec.MinReplicas, hpa.Spec.MaxReplicas, hpa.Spec.ScaleTargetName));
        Assert.Matches(@"NAME\s+REFERENCE\s+TARGETS\s+MINPODS\s+MAXPODS\s+REPLICAS\s+AGE", table);
        Assert.Matches(@"web\s+Deployment/web\s+.*80%\s+2\s+5\s+", table);
    }

    [Fact]
    public async Task LogsFollow_ReceivesLinesWrittenAfterItStarted()
    {
        await host.Client.ApplyAsync(AppObjects.Deployment("talker", replicas: 1));
        var pod = await Poll.UntilAsync(async () => (await host.Client.ListAsync<Pod>(LabelSelector.Of(new Dictionary<string, string> { ["app"] = "talker" }))).FirstOrDefault(),
            p => p is { Status.Phase: PodPhase.Running }, "a running talker pod");
        var node = host.Services.GetRequiredService<InMemoryCluster>()[pod!.Spec.NodeName!];
        node.AppendLog(pod.Metadata.Name, "app", "before follow");

        using var follow = Kubectl.Start("logs", "-f", "deployment/talker"); // kubectl picks the pod by the selector
        try
        {
            await ReadUntilAsync(follow, "before follow");
            node.AppendLog(pod.Metadata.Name, "app", "written while following");

            Assert.Equal("written while following", await ReadLineAsync(follow));
            Assert.False(follow.HasExited, "kubectl logs -f ended instead of following");
        }
        finally
        {
            follow.Kill();
        }
    }

    [Fact]
    public async Task RolloutPause_ChangeWaitsUntilResume()
    {
        await host.Client.ApplyAsync(AppObjects.Deployment("paused", replicas: 1));
        await Poll.UntilAsync(() => Kubectl.RunAsync("get", "rs", "-l", "app=paused", "-o", "name"), r => r.Stdout.Trim().Length > 0, "the first replica set");

        var paused = (await Kubectl.RunAsync("rollout", "pause", "deployment/paused")).Succeeded();
        (await Kubectl.RunAsync("set", "image", "deployment/paused", "app=nginx:1.28")).Succeeded();
        var whilePaused = (await Kubectl.RunAsync("get", "rs", "-l", "app=paused", "-o", "name")).Succeeded().Stdout;
        var resumed = (await Kubectl.RunAsync("rollout", "resume", "deployment/paused")).Succeeded();
        await Poll.UntilAsync(() => Kubectl.RunAsync("get", "rs", "-l", "app=paused", "-o", "name"), r => Lines(r.Stdout) == 2, "a second replica set after resume");

        Assert.Contains("deployment.apps/paused paused", paused.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, Lines(whilePaused));
        Assert.Contains("deployment.apps/paused resumed", resumed.Stdout, StringComparison.Ordinal);
        Assert.False((await host.Client.GetAsync<Deployment>("paused"))!.Spec.Paused);
    }

    [Fact]
    public async Task DeleteCascadeForeground_OwnerStaysWithFinalizerUntilItsBlockingPodIsGone()
    {
        var deployment = await host.Client.ApplyAsync(AppObjects.Deployment("fg", replicas: 1));
        await Poll.UntilAsync(() => Kubectl.RunAsync("get", "pods", "-l", "app=fg", "-o", "name"), r => Lines(r.Stdout) == 1, "fg's pod");

        // A dependent no node agent will finish: bound to a node that does not exist, so its graceful delete never ends.
        var resources = host.Services.GetRequiredService<IResourceClient>();
        var ghost = await resources.CreateAsync(new Pod
        {
            Metadata = new ObjectMeta { Name = "fg-ghost", OwnerReferences = [new OwnerReference(Deployment.KindName, "fg", deployment.Metadata.Uid)] },
            Spec = new PodSpec { NodeName = "ghost-node", Containers = [new Container { Name = "app", Image = "nginx:1.27" }] },
        });

        var deleted = (await Kubectl.RunAsync("delete", "deployment", "fg", "--cascade=foreground", "--wait=false")).Succeeded();
        await Poll.UntilAsync(() => Kubectl.RunAsync("get", "rs,pods", "-l", "app=fg", "-o", "name"), r => r.ExitCode == 0 && r.Stdout.Length == 0, "the replica set and its pod gone");
        var held = (await Kubectl.RunAsync("get", "deployment", "fg", "-o", "jsonpath={.metadata.finalizers[0]} {.metadata.deletionTimestamp}")).Succeeded().Stdout;

        Assert.Contains("deployment.apps \"fg\" deleted", deleted.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"^foregroundDeletion \d{4}-\d\d-\d\dT", held);

        await resources.DeleteAsync(ghost.Key);
        await Poll.UntilAsync(() => Kubectl.RunAsync("get", "deployment", "fg"), r => r.ExitCode == 1 && r.Stderr.Contains("NotFound", StringComparison.Ordinal), "the deployment removed");
    }

    [Fact]
    public async Task DeleteCascadeOrphan_KeepsReplicaSetAndPodsWithoutTheOwner()
    {
        await host.Client.ApplyAsync(AppObjects.Deployment("orph", replicas: 2));
        await Poll.UntilAsync(() => Kubectl.RunAsync("get", "pods", "-l", "app=orph", "-o", "name"), r => Lines(r.Stdout) == 2, "orph's 2 pods");

        (await Kubectl.RunAsync("delete", "deployment", "orph", "--cascade=orphan")).Succeeded();
        var owners = (await Kubectl.RunAsync("get", "rs", "-l", "app=orph", "-o", "jsonpath={.items[*].metadata.name}:{.items[*].metadata.ownerReferences}")).Succeeded().Stdout;
        var pods = (await Kubectl.RunAsync("get", "pods", "-l", "app=orph", "-o", "name")).Succeeded().Stdout;

        Assert.Null(await host.Client.GetAsync<Deployment>("orph"));
        Assert.Matches(@"^orph-\S+:$", owners);
        Assert.Equal(2, Lines(pods));
    }

    [Fact]
    public async Task Delete_UnknownPropagationPolicy_IsABadRequest()
    {
        await host.Client.ApplyAsync(AppObjects.Deployment("policy", replicas: 0));

        var result = await Kubectl.RunAsync("delete", "--raw", "/apis/apps/v1/namespaces/default/deployments/policy?propagationPolicy=Sideways");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Unsupported value: \"Sideways\"", result.Stderr, StringComparison.Ordinal);
        Assert.NotNull(await host.Client.GetAsync<Deployment>("policy"));
    }

    [Fact]
    public async Task Delete_OfAnObjectWithAUserFinalizer_WaitsForItsRemoval()
    {
        const string manifest = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: held
              finalizers: ["example.com/backup"]
            data:
              a: "1"
            """;
        (await Kubectl.RunWithInputAsync(manifest, "create", "-f", "-")).Succeeded();

        (await Kubectl.RunAsync("delete", "configmap", "held", "--wait=false")).Succeeded();
        var terminating = (await Kubectl.RunAsync("get", "configmap", "held", "-o", "jsonpath={.metadata.finalizers[0]} {.metadata.deletionTimestamp}")).Succeeded().Stdout;
        (await Kubectl.RunAsync("patch", "configmap", "held", "--type=json", "-p", """[{"op":"remove","path":"/metadata/finalizers"}]""")).Succeeded();
        var gone = await Kubectl.RunAsync("get", "configmap", "held");

        Assert.Matches(@"^example\.com/backup \d{4}-\d\d-\d\dT", terminating);
        Assert.NotEqual(0, gone.ExitCode);
        Assert.Contains("NotFound", gone.Stderr, StringComparison.Ordinal);
    }

    private static int Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>Reads lines until one equals <paramref name="line"/> (the container's own start line comes first).</summary>
    private static async Task ReadUntilAsync(Process process, string line)
    {
        var seen = new List<string?>();
        while (seen.Count < 20)
        {
            var next = await ReadLineAsync(process);
            seen.Add(next);
            if (next == line || next is null)
            {
                break;
            }
        }

        Assert.True(seen[^1] == line, $"kubectl logs -f never printed \"{line}\"; it printed: {string.Join(" | ", seen)}");
    }

    private static async Task<string?> ReadLineAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await process.StandardOutput.ReadLineAsync(timeout.Token);
    }
}
