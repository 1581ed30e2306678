using System.Text;
using Docker.DotNet.Models;
using Orchestration.Sdk.Docker.Tests.Support;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker.Tests.Runtime;

/// <summary>ConfigMap and Secret files (<see cref="ContainerCreateRequest.Files"/>) on the real engine.</summary>
public sealed class DockerFileTests
{
    private const string Secret = "s3cret-value-for-the-file-test";

    [DockerFact]
    public async Task CreateContainer_SecretFile_ReadableWithItsModeOnOwnerOnlyTmpfsAndNeverOnDisk()
    {
        await using var test = await DockerTestRuntime.CreateAsync();
        var sandbox = await test.RunSandboxAsync("db-0");
        var key = "pw-" + Guid.NewGuid().ToString("N")[..8];
        var request = test.Request(
            sandbox,
            "db",
            $"echo \"mode: $(ls -ln /run/secrets/db/{key})\"",
            $"echo \"content: $(cat /run/secrets/db/{key})\"",
            "echo \"config: $(cat /etc/db/port)\"",
            "cat /proc/mounts",
            "echo END",
            "exec sleep 600") with
        {
            Files =
            [
                new ContainerFile { Path = $"/run/secrets/db/{key}", Content = Encoding.UTF8.GetBytes(Secret), Mode = Convert.ToInt32("400", 8), IsSecret = true },
                new ContainerFile { Path = "/etc/db/port", Content = "5432"u8.ToArray() },
            ],
        };

        var id = await test.RunAsync(request);
        var logs = await test.WaitForLogAsync(id, "END");

        Assert.Contains("mode: -r--------    1 0        0", logs, StringComparison.Ordinal);
        Assert.Contains("content: " + Secret, logs, StringComparison.Ordinal);
        Assert.Contains("config: 5432", logs, StringComparison.Ordinal);
        var mounts = logs.Split('\n').Select(l => l.Split(' ')).Where(f => f.Length >= 4)
            .GroupBy(f => f[1]).ToDictionary(g => g.Key, g => (Type: g.Last()[2], Options: g.Last()[3]));
        Assert.Equal("tmpfs", mounts["/run/secrets/db"].Type);
        Assert.Contains("mode=700", mounts["/run/secrets/db"].Options, StringComparison.Ordinal);
        Assert.StartsWith("ro,", mounts["/run/secrets/db"].Options, StringComparison.Ordinal);
        Assert.Equal("tmpfs", mounts["/etc/db"].Type);

        // Not in the container's filesystem diff (app or holder): only the mount point directories are added.
        var holder = (await test.Runtime.Client.Containers.InspectContainerAsync(id, CancellationToken.None)).Config!.Labels[DockerFileMounts.HolderLabel];
        foreach (var container in new[] { id, holder })
        {
            var changes = await test.Runtime.Client.Containers.InspectChangesAsync(container, CancellationToken.None);
            Assert.DoesNotContain(changes, c => c.Path.Contains(key, StringComparison.Ordinal) || c.Path.EndsWith("/port", StringComparison.Ordinal));
        }

        // On a local engine: the volume's directory is a tmpfs, and no file of that name is on the engine's disk.
        var volumes = await VolumesAsync(test);
        Assert.Equal(2, volumes.Count);
        if (Directory.Exists("/var/lib/docker/volumes"))
        {
            var hostMounts = File.ReadAllLines("/proc/mounts").Select(l => l.Split(' ')).GroupBy(f => f[1]).ToDictionary(g => g.Key, g => g.Last()[2]);
            Assert.All(volumes, v => Assert.Equal("tmpfs", hostMounts.GetValueOrDefault(v.Mountpoint)));
            Assert.Empty(FilesOnDisk("/var/lib/docker", hostMounts.Keys.ToHashSet(StringComparer.Ordinal), key));
        }
    }

    [DockerFact]
    public async Task UpdateFiles_RunningContainer_SeesNewContentAndRemovedFileGoesWithoutRestart()
    {
        await using var test = await DockerTestRuntime.CreateAsync();
        var sandbox = await test.RunSandboxAsync("web-0");
        var request = test.Request(
            sandbox,
            "web",
            "while :; do echo \"mode=$(cat /etc/web/mode) old=$(cat /etc/web/old 2>/dev/null || echo none) extra=$(cat /etc/web/extra 2>/dev/null || echo none)\"; sleep 0.2; done") with
        {
            Files = [ConfigFile("/etc/web/mode", "blue"), ConfigFile("/etc/web/old", "x")],
        };
        var id = await test.RunAsync(request);
        await test.WaitForLogAsync(id, "mode=blue old=x extra=none");
        var startedAt = (await test.Runtime.InspectContainerAsync(id, CancellationToken.None))!.StartedAt;

        await test.Runtime.UpdateFilesAsync(id, [ConfigFile("/etc/web/extra", "y"), ConfigFile("/etc/web/mode", "green")], CancellationToken.None);

        await test.WaitForLogAsync(id, "mode=green old=none extra=y");
        var after = await test.Runtime.InspectContainerAsync(id, CancellationToken.None);
        Assert.Equal(RuntimeContainerState.Running, after!.State);
        Assert.Equal(startedAt, after.StartedAt);
    }

    [DockerFact]
    public async Task RemoveContainerAndSandbox_WithFiles_HoldersAndVolumesAreGone()
    {
        await using var test = await DockerTestRuntime.CreateAsync();
        var sandbox = await test.RunSandboxAsync("pod-0");
        var first = await test.RunAsync(test.Request(sandbox, "a", "exec sleep 600") with { Files = [ConfigFile("/etc/a/k", "v")] });
        await test.RunAsync(test.Request(sandbox, "b", "exec sleep 600") with { Files = [ConfigFile("/etc/b/k", "v"), ConfigFile("/etc/c/k", "v")] });
        Assert.Equal(3, (await VolumesAsync(test)).Count);
        Assert.Equal(["a", "b"], (await test.Runtime.ListContainersAsync(new Dictionary<string, string> { [RuntimeLabels.App] = test.AppName }, CancellationToken.None))
            .Select(c => c.Labels[RuntimeLabels.ContainerName]).Order());

        await test.Runtime.RemoveContainerAsync(first, CancellationToken.None);

        Assert.Equal(2, (await VolumesAsync(test)).Count);
        await test.Runtime.RemovePodSandboxAsync(sandbox.Id, CancellationToken.None);
        Assert.Empty(await VolumesAsync(test));
        var left = await test.Runtime.Client.Containers.ListContainersAsync(
            new ContainersListParameters { All = true, Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [RuntimeLabels.App + "=" + test.AppName] = true } } },
            CancellationToken.None);
        Assert.Empty(left);
    }

    [DockerFact]
    public async Task CreateContainer_FilesInADirectoryTheImageHas_ImageContentHiddenNotCopied()
    {
        await using var test = await DockerTestRuntime.CreateAsync();
        var sandbox = await test.RunSandboxAsync("www-0");
        var request = test.Request(sandbox, "web", "ls -A /www; echo END") with { Files = [ConfigFile("/www/page.html", "from a ConfigMap")] };

        var id = await test.RunAsync(request);

        var logs = await test.WaitForLogAsync(id, "END");
        Assert.Contains("page.html", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("index.html", logs, StringComparison.Ordinal);
    }

    internal static async Task<IReadOnlyList<VolumeResponse>> VolumesAsync(DockerTestRuntime test) =>
        await VolumesAsync(test.Runtime, test.AppName);

    internal static async Task<IReadOnlyList<VolumeResponse>> VolumesAsync(DockerContainerRuntime runtime, string appName)
    {
        var listed = await runtime.Client.Volumes.ListAsync(
            new VolumesListParameters { Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [RuntimeLabels.App + "=" + appName] = true } } },
            CancellationToken.None);
        return [.. listed.Volumes ?? []];
    }

    private static ContainerFile ConfigFile(string path, string content) => new() { Path = path, Content = Encoding.UTF8.GetBytes(content) };

    /// <summary>Files named <paramref name="name"/> under <paramref name="root"/> on its own filesystem (other mounts skipped).</summary>
    private static List<string> FilesOnDisk(string root, HashSet<string> mountPoints, string name)
    {
        var found = new List<string>();
        var pending = new Stack<string>([root]);
        while (pending.TryPop(out var directory))
        {
            foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos("*", new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = 0 }))
            {
                if (entry is DirectoryInfo { LinkTarget: null } sub && !mountPoints.Contains(sub.FullName))
                {
                    pending.Push(sub.FullName);
                }
                else if (entry.Name == name)
                {
                    found.Add(entry.FullName);
                }
            }
        }

        return found;
    }
}
