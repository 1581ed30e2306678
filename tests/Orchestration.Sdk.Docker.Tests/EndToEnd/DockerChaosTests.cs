using Docker.DotNet.Models;
using Orchestration.Sdk.Docker;
using Orchestration.Sdk.Docker.Tests.Support;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Docker.Tests.EndToEnd;

/// <summary>
/// The chaos suite's real-Docker variant: seeded kills, removals and sandbox kills from outside, and host restarts
/// with adoption; the app ends in its declared state and, after the last host stops, no container, volume or network
/// of the app is left on the engine.
/// </summary>
[Collection(MultiEngine.EngineCollection.Name)]
public sealed class DockerChaosTests
{
    private const int Replicas = 2;

    [DockerFact]
    public async Task SeededOutsideFaultsAndHostRestarts_EndDeclared_AndLeaveNothingBehind()
    {
        var appName = DockerTestRuntime.NewAppName();
        var storePath = Path.Combine(Directory.CreateTempSubdirectory("docker-chaos-").FullName, "store.db");
        var random = new Random(20261203);
        var faults = new List<string>();
        await using var engine = await DockerTestRuntime.CreateAsync();
        var docker = engine.Runtime.Client;

        var host = await DockerOrchestrator.StartAsync(Declare, appName, DockerLifetime.Persistent, storePath: storePath);
        try
        {
            await WaitDeclaredAsync(host, "the app starts");
            int[] plan = [0, 1, 2, 3, 0, 1, 2, 3]; // every kind twice, in a seeded order
            random.Shuffle(plan);
            for (var i = 0; i < plan.Length; i++)
            {
                var containers = (await AppContainersAsync(docker, appName, sandboxes: false)).Where(c => c.State == "running").ToList();
                var sandboxes = (await AppContainersAsync(docker, appName, sandboxes: true)).Where(c => c.State == "running").ToList();
                string? victim = null;
                switch (plan[i])
                {
                    case 0 when containers.Count > 0:
                        faults.Add("kill");
                        victim = containers[random.Next(containers.Count)].ID;
                        await docker.Containers.KillContainerAsync(victim, new ContainerKillParameters { Signal = "KILL" });
                        break;
                    case 1 when containers.Count > 0:
                        faults.Add("rm -f");
                        victim = containers[random.Next(containers.Count)].ID;
                        await docker.Containers.RemoveContainerAsync(victim, new ContainerRemoveParameters { Force = true });
                        break;
                    case 2 when sandboxes.Count > 0:
                        faults.Add("sandbox kill");
                        victim = sandboxes[random.Next(sandboxes.Count)].ID;
                        await docker.Containers.KillContainerAsync(victim, new ContainerKillParameters { Signal = "KILL" });
                        break;
                    default:
                        faults.Add("host restart");
                        await host.DisposeAsync();
                        host = await DockerOrchestrator.StartAsync(Declare, appName, DockerLifetime.Persistent, storePath: storePath);
                        break;
                }

                await RecoveredAsync(host, docker, appName, victim, $"declared again after fault {i + 1} ({faults[^1]})");
                var running = (await AppContainersAsync(docker, appName, sandboxes: false)).Where(c => c.State == "running")
                    .GroupBy(c => (c.Labels[RuntimeLabels.PodUid], c.Labels[RuntimeLabels.ContainerName])).ToList();
                Assert.True(running.All(g => g.Count() == 1), $"two running instances of one pod's container after {string.Join(", ", faults)}");
            }

            // The last host removes everything when it stops.
            await host.DisposeAsync();
            host = await DockerOrchestrator.StartAsync(Declare, appName, DockerLifetime.RemoveOnShutdown, storePath: storePath);
            await WaitDeclaredAsync(host, "the last host adopts the app");
        }
        finally
        {
            await host.DisposeAsync();
        }

        await AssertNothingLeftAsync(docker, appName, string.Join(", ", faults));
        Assert.Equal(["host restart", "host restart", "kill", "kill", "rm -f", "rm -f", "sandbox kill", "sandbox kill"], faults.Order());
    }

    /// <summary>
    /// The engine itself restarts under a running host (SIGTERM to dockerd, which stops every container, then a new
    /// daemon): the host rides out the outage, replaces the dead sandboxes and containers once the engine answers
    /// again, and leaves nothing behind when it stops. Runs on an engine of its own (scripts/engines.sh), so the other
    /// tests' engine never stops.
    /// </summary>
    [EngineFact]
    public async Task EngineRestartUnderARunningHost_EndsDeclared_AndLeavesNothingBehind()
    {
        var endpoint = TestEngines.Endpoint(1);
        var appName = DockerTestRuntime.NewAppName();
        await using var engine = await DockerTestRuntime.CreateAsync(o => o.Endpoint = endpoint);
        var docker = engine.Runtime.Client;
        var host = await DockerOrchestrator.StartAsync(Declare, appName, endpoint: endpoint);
        try
        {
            var pods = (await WaitDeclaredAsync(host, "the app starts")).Select(p => p.Metadata.Name).Order().ToList();
            for (var restart = 1; restart <= 2; restart++)
            {
                var before = (await AppContainersAsync(docker, appName, sandboxes: false)).Select(c => c.ID).ToList();
                await TestEngines.StopAsync(1);
                await Task.Delay(TimeSpan.FromSeconds(3)); // an outage long enough for the host's calls and event stream to fail
                await TestEngines.StartAsync(1);
                await RecoveredAsync(host, docker, appName, victim: null, $"declared again after engine restart {restart}");
                var after = (await AppContainersAsync(docker, appName, sandboxes: false)).Where(c => c.State == "running").ToList();
                Assert.DoesNotContain(after, c => before.Contains(c.ID)); // the old instances died with the engine: these replace them
                var now = await host.PodsAsync();
                Assert.Equal(pods, now.Select(p => p.Metadata.Name).Order()); // the same pods, restarted in place (the node stayed Ready)
                Assert.All(now, p => Assert.True(p.Status.ContainerStatuses[0].RestartCount >= restart, DockerOrchestrator.Describe(now)));
            }
        }
        finally
        {
            await host.DisposeAsync();
        }

        await AssertNothingLeftAsync(docker, appName, "two engine restarts");
    }

    private static async Task AssertNothingLeftAsync(global::Docker.DotNet.IDockerClient docker, string appName, string after)
    {
        var label = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{RuntimeLabels.App}={appName}"] = true } };
        var leftContainers = await docker.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = label });
        var leftVolumes = await docker.Volumes.ListAsync(new VolumesListParameters { Filters = label });
        var leftNetworks = await docker.Networks.ListNetworksAsync(new NetworksListParameters { Filters = label });
        Assert.True(leftContainers.Count == 0, $"containers left after {after}: {string.Join(", ", leftContainers.Select(c => string.Join(',', c.Names)))}");
        Assert.True(leftVolumes.Volumes is null || leftVolumes.Volumes.Count == 0, $"volumes left: {string.Join(", ", leftVolumes.Volumes?.Select(v => v.Name) ?? [])}");
        Assert.True(leftNetworks.Count == 0, $"networks left: {string.Join(", ", leftNetworks.Select(n => n.Name))}");
    }

    private static void Declare(AppDeclaration app)
    {
        app.AddSecret("token").WithValue("value", "chaos-docker-secret");
        app.AddDeployment("web").WithImage(TestImage.Name).WithReplicas(Replicas).WithPort(8080)
            .WithCommand("/bin/httpd", "-f", "-p", "8080", "-h", "/www")
            .WithReadinessProbe(httpGet: "/index.html", port: 8080, periodSeconds: 1)
            .WithSecretFiles("token", "/run/secrets/token")
            .WithTerminationGracePeriod(TimeSpan.FromSeconds(1));
    }

    /// <summary>Waits until the victim runs no more, the engine runs one container and one sandbox per pod, and the pods are ready on them.</summary>
    private static Task RecoveredAsync(DockerOrchestrator host, global::Docker.DotNet.IDockerClient docker, string appName, string? victim, string what) =>
        Poll.UntilAsync(what, async () =>
        {
            var running = (await AppContainersAsync(docker, appName, sandboxes: false)).Where(c => c.State == "running").ToList();
            var sandboxes = (await AppContainersAsync(docker, appName, sandboxes: true)).Where(c => c.State == "running").ToList();
            var pods = (await host.PodsAsync()).Where(p => !p.IsTerminating()).ToList();
            return running.Count == Replicas && sandboxes.Count == Replicas && running.All(c => c.ID != victim) && sandboxes.All(c => c.ID != victim)
                && pods.Count == Replicas && pods.All(p => p.Status.IsReady && p.Status.ContainerStatuses is [{ ContainerId: { } id }] && running.Any(c => c.ID.StartsWith(id, StringComparison.Ordinal) || id.StartsWith(c.ID, StringComparison.Ordinal)));
        }, TimeSpan.FromSeconds(90));

    private static Task<IReadOnlyList<Pod>> WaitDeclaredAsync(DockerOrchestrator host, string what) =>
        host.WaitForPodsAsync(what, pods => pods.Count(p => !p.IsTerminating()) == Replicas && pods.All(p => p.Status.IsReady), TimeSpan.FromSeconds(90));

    private static async Task<IList<ContainerListResponse>> AppContainersAsync(global::Docker.DotNet.IDockerClient docker, string appName, bool sandboxes)
    {
        var all = await docker.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{RuntimeLabels.App}={appName}"] = true } },
        });
        return [.. all.Where(c => c.Labels.ContainsKey(RuntimeLabels.Sandbox) == sandboxes && c.Labels.ContainsKey(RuntimeLabels.PodUid) && (sandboxes || c.Labels.ContainsKey(RuntimeLabels.ContainerName)))];
    }
}
