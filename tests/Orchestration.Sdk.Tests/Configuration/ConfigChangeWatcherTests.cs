using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestration.Sdk.Configuration;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Store;
using Orchestration.Sdk.Tests.Runtime;
using Orchestration.Sdk.Runtime.InMemory;

namespace Orchestration.Sdk.Tests.Configuration;

/// <summary>The watcher that re-syncs the pods referring to a changed ConfigMap or Secret.</summary>
public sealed class ConfigChangeWatcherTests
{
    private const string MountPath = "/etc/settings";

    [Theory]
    [InlineData(ConfigMap.KindName)]
    [InlineData(Secret.KindName)]
    public async Task RunAsync_SourceChangedBeforeTheWatcherStarted_FilesOfRunningContainerFollow(string kind)
    {
        // The runner starts components without waiting for them: on a busy machine an app could change a ConfigMap
        // before the watcher's watch began, and a watch from "now" never saw that change.
        await using var harness = new AgentHarness();
        harness.Cluster.Add("n1");
        var key = harness.Store.Create(Source(kind, "blue")).Key;
        var agents = await harness.StartAgentsAsync();
        harness.CreatePod(PodReading(kind));
        await harness.WaitForPodAsync("web", p => p.Status.IsReady, "ready");
        await AgentHarness.WaitForAsync(() => ModeFile(harness), v => v == "blue", "the mounted file shows blue");
        await WaitForIdleAgentAsync(harness.Cluster["n1"]); // no sync left over from start-up picks the change up by chance

        harness.Store.Update(Source(kind, "green") with { Metadata = harness.Store.Get<Resource>(key)!.Metadata });
        using var stopping = new CancellationTokenSource();
        var watcher = new ConfigChangeWatcher(harness.Store, harness.Informers, agents, NullLogger<ConfigChangeWatcher>.Instance).RunAsync(stopping.Token);
        try
        {
            await AgentHarness.WaitForAsync(() => ModeFile(harness), v => v == "green", "the mounted file shows green");
        }
        finally
        {
            await stopping.CancelAsync();
            await watcher.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    /// <summary>Waits until the node's agent made no runtime call for 100 ms of real time (every pod sync observes the sandboxes).</summary>
    private static async Task WaitForIdleAgentAsync(InMemoryNode node)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        var calls = node.CallCount(InMemoryOperation.ListPodSandboxes);
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            var now = node.CallCount(InMemoryOperation.ListPodSandboxes);
            if (now == calls)
            {
                return;
            }

            calls = now;
        }

        throw new TimeoutException("the node agent kept syncing for 10 s");
    }

    private static string? ModeFile(AgentHarness harness) =>
        harness.Cluster["n1"].FilesOf("web", "web")?.SingleOrDefault(f => f.Path == MountPath + "/mode") is { } file
            ? Encoding.UTF8.GetString(file.Content.Span)
            : null;

    private static Resource Source(string kind, string mode) => kind == ConfigMap.KindName
        ? new ConfigMap { Metadata = new ObjectMeta { Name = "settings" }, Data = new Dictionary<string, string> { ["mode"] = mode } }
        : new Secret { Metadata = new ObjectMeta { Name = "settings" }, Data = new Dictionary<string, SecretValue> { ["mode"] = SecretValue.FromString(mode) } };

    private static Pod PodReading(string kind)
    {
        var pod = AgentHarness.NewPod("web", "n1");
        var mount = kind == ConfigMap.KindName
            ? new ConfigFileMount { MountPath = MountPath, ConfigMapName = "settings" }
            : new ConfigFileMount { MountPath = MountPath, SecretName = "settings" };
        return pod with { Spec = pod.Spec with { Containers = [pod.Spec.Containers[0] with { ConfigFiles = [mount] }] } };
    }
}
