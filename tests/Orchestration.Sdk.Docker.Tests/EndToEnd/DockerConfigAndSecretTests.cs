using Orchestration.Sdk.Configuration;
using Orchestration.Sdk.Docker.Tests.Runtime;
using Orchestration.Sdk.Docker.Tests.Support;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker.Tests.EndToEnd;

/// <summary>ConfigMaps and Secrets consumed by containers of a real host on the real engine.</summary>
public sealed class DockerConfigAndSecretTests
{
    private const string Password = "pw-from-a-secret-4711";

    [DockerFact]
    public async Task Deployment_ConfigMapAndSecret_EnvAndFilesArriveConfigUpdateReachesFileAndVolumesGoWithThePod()
    {
        await using var orchestrator = await DockerOrchestrator.StartAsync(app =>
        {
            app.AddConfigMap("web-settings").WithValue("GREETING", "hello").WithValue("mode", "blue");
            app.AddSecret("db-credentials").WithValue("password", Password);
            app.AddDeployment("web")
                .WithImage(TestImage.Name)
                .WithCommand(
                    "/bin/sh",
                    "-c",
                    "trap 'exit 0' TERM; echo \"env greeting=$GREETING password=$DB_PASSWORD\"; echo \"file password=$(cat /run/secrets/db/password)\"; "
                    + "while :; do echo \"mode=$(cat /etc/web/mode)\"; sleep 0.2; done")
                .WithEnvironmentFromConfigMap("web-settings")
                .WithEnvironmentFromSecret("DB_PASSWORD", "db-credentials", "password")
                .WithConfigMapFiles("web-settings", "/etc/web")
                .WithSecretFiles("db-credentials", "/run/secrets/db");
        });
        var pod = Assert.Single(await orchestrator.WaitForPodsAsync("the web pod runs", p => DockerOrchestrator.AllRunning(p, 1)));
        var containerId = pod.Status.ContainerStatuses[0].ContainerId;

        var logs = await WaitForLogAsync(orchestrator, pod.Metadata.Name, "mode=blue");
        Assert.Contains($"env greeting=hello password={Password}", logs, StringComparison.Ordinal);
        Assert.Contains($"file password={Password}", logs, StringComparison.Ordinal);
        Assert.Equal(2, (await DockerFileTests.VolumesAsync(orchestrator.Runtime, orchestrator.AppName)).Count);

        var settings = (await orchestrator.Client.GetAsync<ConfigMap>("web-settings"))!;
        await orchestrator.Client.ApplyAsync(settings with { Data = new Dictionary<string, string>(settings.Data) { ["mode"] = "green" } });

        await WaitForLogAsync(orchestrator, pod.Metadata.Name, "mode=green");
        var after = Assert.Single(await orchestrator.PodsAsync());
        Assert.Equal(containerId, after.Status.ContainerStatuses[0].ContainerId);
        Assert.Equal(0, after.Status.ContainerStatuses[0].RestartCount);

        await orchestrator.Client.DeleteAsync<Deployment>("web");
        await orchestrator.WaitForPodsAsync("the web pod is gone", p => p.Count == 0);
        await Poll.UntilAsync("the file volumes are gone", async () => (await DockerFileTests.VolumesAsync(orchestrator.Runtime, orchestrator.AppName)).Count == 0);
    }

    [DockerFact]
    public async Task PodContainersRemovedFromOutside_OnceThePodRunsAgain_NoHolderOrVolumeOfTheOldSandboxRemains()
    {
        await using var orchestrator = await DockerOrchestrator.StartAsync(app =>
        {
            app.AddSecret("db-credentials").WithValue("password", Password);
            app.AddDeployment("web")
                .WithImage(TestImage.Name)
                .WithCommand("/bin/sh", "-c", "trap 'exit 0' TERM; while :; do sleep 0.2; done")
                .WithSecretFiles("db-credentials", "/run/secrets/db");
        });
        await orchestrator.WaitForPodsAsync("the web pod runs", p => DockerOrchestrator.AllRunning(p, 1));
        var docker = orchestrator.Runtime.Client;
        var app = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{RuntimeLabels.App}={orchestrator.AppName}"] = true } };
        var before = await docker.Containers.ListContainersAsync(new() { All = true, Filters = app });
        var oldSandbox = Assert.Single(before, c => c.Labels.ContainsKey(RuntimeLabels.Sandbox)).ID;
        Assert.Contains(before, c => c.Labels.TryGetValue(DockerLabels.SandboxId, out var s) && s == oldSandbox && c.Labels.ContainsKey(DockerFileMounts.FilesOfLabel));

        // docker rm -f of the pod's containers (the app container and the sandbox), not of the files holder.
        foreach (var c in before.Where(c => !c.Labels.ContainsKey(DockerFileMounts.FilesOfLabel)))
        {
            await docker.Containers.RemoveContainerAsync(c.ID, new() { Force = true });
        }

        await orchestrator.WaitForPodsAsync("the web pod runs again", p =>
            DockerOrchestrator.AllRunning(p, 1) && p[0].Status.ContainerStatuses[0].ContainerId is { } id && before.All(c => c.ID != id));
        await Poll.UntilAsync("no holder or volume of the old sandbox remains", async () =>
        {
            var containers = await docker.Containers.ListContainersAsync(new() { All = true, Filters = app });
            var volumes = await DockerFileTests.VolumesAsync(orchestrator.Runtime, orchestrator.AppName);
            return !containers.Any(c => c.Labels.TryGetValue(DockerLabels.SandboxId, out var s) && s == oldSandbox)
                && !volumes.Any(v => v.Labels is { } l && l.TryGetValue(DockerLabels.SandboxId, out var s) && s == oldSandbox)
                && volumes.Count == 1;
        });
    }

    private static async Task<string> WaitForLogAsync(DockerOrchestrator orchestrator, string pod, string text)
    {
        var logs = string.Empty;
        await Poll.UntilAsync($"'{text}' is in the logs", async () =>
        {
            logs = await orchestrator.Client.GetLogsAsync(pod);
            return logs.Contains(text, StringComparison.Ordinal);
        });
        return logs;
    }
}
