using System.Text;
using Docker.DotNet.Models;
using Orchestration.Sdk.Docker.Tests.Support;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker.Tests.Runtime;

/// <summary>The tmpfs volumes of ConfigMap and Secret files under the runtime's lifetime options.</summary>
public sealed class DockerFileLifetimeTests
{
    [DockerFact]
    public async Task Dispose_RemoveOnShutdown_RemovesFileVolumes()
    {
        var test = await DockerTestRuntime.CreateAsync();
        var sandbox = await test.RunSandboxAsync("short-lived");
        await test.RunAsync(test.Request(sandbox, "app", "exec sleep 600") with { Files = [File("/etc/app/k", "v")] });
        await using var observer = await DockerTestRuntime.CreateAsync();
        Assert.Single(await DockerFileTests.VolumesAsync(observer.Runtime, test.AppName));

        await test.DisposeAsync();

        Assert.Empty(await DockerFileTests.VolumesAsync(observer.Runtime, test.AppName));
    }

    [DockerFact]
    public async Task Sweep_FileVolumesOfDeadSession_RemovedWhileLiveAndPersistentOnesStay()
    {
        await using var test = await DockerTestRuntime.CreateAsync();
        var deadSession = new DockerSession(Environment.MachineName, int.MaxValue - 1, 1).Value;
        var dead = await CreateVolumeAsync(test, deadSession, nameof(DockerLifetime.RemoveOnShutdown));
        var deadButPersistent = await CreateVolumeAsync(test, deadSession, nameof(DockerLifetime.Persistent));
        var live = await CreateVolumeAsync(test, DockerSession.Current.Value, nameof(DockerLifetime.RemoveOnShutdown));

        await test.Runtime.SweepAsync(CancellationToken.None);

        var left = (await DockerFileTests.VolumesAsync(test)).Select(v => v.Name).Order();
        Assert.Equal(new[] { deadButPersistent, live }.Order(), left);
        Assert.DoesNotContain(dead, left);
        await test.Runtime.Client.Volumes.RemoveAsync(deadButPersistent, force: true, CancellationToken.None);
    }

    [DockerFact]
    public async Task Dispose_Persistent_NextHostAdoptsContainerWithoutItsHolderAndUpdatesItsFiles()
    {
        var appName = DockerTestRuntime.NewAppName();
        var first = await DockerTestRuntime.CreateAsync(o => (o.AppName, o.Lifetime) = (appName, DockerLifetime.Persistent));
        var sandbox = await first.RunSandboxAsync("keeper");
        var app = await first.RunAsync(first.Request(sandbox, "app", "while :; do echo \"mode=$(cat /etc/app/mode)\"; sleep 0.2; done") with { Files = [File("/etc/app/mode", "blue")] });
        await first.DisposeAsync();

        await using var next = await DockerTestRuntime.CreateAsync(o => o.AppName = appName);
        var adopted = await next.Runtime.ListContainersAsync(new Dictionary<string, string> { [RuntimeLabels.App] = appName }, CancellationToken.None);
        Assert.Equal(app, Assert.Single(adopted).Id);
        Assert.Single(await DockerFileTests.VolumesAsync(next));

        await next.Runtime.UpdateFilesAsync(app, [File("/etc/app/mode", "green")], CancellationToken.None);

        await next.WaitForLogAsync(app, "mode=green");
    }

    private static ContainerFile File(string path, string content) => new() { Path = path, Content = Encoding.UTF8.GetBytes(content) };

    private static async Task<string> CreateVolumeAsync(DockerTestRuntime test, string session, string lifetime)
    {
        var name = "dt-files-" + Guid.NewGuid().ToString("N")[..10];
        await test.Runtime.Client.Volumes.CreateAsync(
            new VolumesCreateParameters
            {
                Name = name,
                Driver = "local",
                DriverOpts = new Dictionary<string, string> { ["type"] = "tmpfs", ["device"] = "tmpfs", ["o"] = "size=64k" },
                Labels = new Dictionary<string, string>
                {
                    [RuntimeLabels.Managed] = "true",
                    [RuntimeLabels.App] = test.AppName,
                    [RuntimeLabels.Node] = test.Runtime.Options.NodeName,
                    [DockerFileMounts.FilesOfLabel] = "orch_app",
                    [DockerLabels.Session] = session,
                    [DockerLabels.Lifetime] = lifetime,
                },
            },
            CancellationToken.None);
        return name;
    }
}
