using Docker.DotNet.Models;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Sdk.Controllers.NodeLifecycle;
using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Docker.Tests.Support;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker.Tests.MultiEngine;

/// <summary>
/// A host whose nodes are the extra engines of <c>scripts/engines.sh</c> (node e1..eN, each in its own network
/// namespace) and optionally the Podman service: services listen on the host bridge's address 10.250.0.1, which every
/// engine's containers reach; node health is quick (1 s heartbeats, 4 s grace, evictions at once).
/// </summary>
internal static class EngineCluster
{
    /// <summary>The host's address on the engines' bridge (orch-br0), reachable from every engine's containers.</summary>
    public const string BridgeAddress = "10.250.0.1";

    public static string NodeName(int engine) => "e" + engine.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<DockerOrchestrator> StartAsync(
        int engines, Action<AppDeclaration> declare, Action<DockerRuntimeOptions>? docker = null, bool quickHealth = true)
    {
        for (var i = 1; i <= engines; i++)
        {
            await TestImage.EnsureBuiltAsync(TestEngines.Endpoint(i));
        }

        return await DockerOrchestrator.StartAsync(
            declare,
            endpoint: TestEngines.Endpoint(1),
            agents: o => o.HeartbeatInterval = TimeSpan.FromSeconds(1),
            services: s => s.Configure<NodeLifecycleOptions>(o =>
            {
                if (quickHealth)
                {
                    o.MonitorPeriod = TimeSpan.FromSeconds(1);
                    o.NodeMonitorGracePeriod = TimeSpan.FromSeconds(4);
                    o.DefaultTolerationSeconds = 0;
                }
            }),
            docker: o =>
            {
                o.ServiceAddress = BridgeAddress;
                o.HealthCheckTimeout = TimeSpan.FromSeconds(2);
                for (var i = 1; i <= engines; i++)
                {
                    o.AddEngine(NodeName(i), TestEngines.Endpoint(i), e => e.WithLabel("engine", "docker").WithAddress("10.250.0.1" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }

                docker?.Invoke(o);
            });
    }

    public static async Task<IReadOnlyList<Node>> NodesAsync(DockerOrchestrator host) => await host.Client.ListAsync<Node>();

    /// <summary>Every pod container (running or not, sandboxes included; not the app's lease marker) of the app on one engine, straight from that engine.</summary>
    public static async Task<IList<ContainerListResponse>> ContainersOnAsync(DockerOrchestrator host, string node) =>
        await host.RuntimeOf(node).Client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"{RuntimeLabels.App}={host.AppName}"] = true, [RuntimeLabels.PodUid] = true },
            },
        });

    /// <summary>Asserts that no container, volume or network of the app is left on the engine at <paramref name="endpoint"/>.</summary>
    public static async Task AssertNothingLeftAsync(string endpoint, string appName)
    {
        await using var engine = await DockerTestRuntime.CreateAsync(o => o.Endpoint = endpoint);
        var docker = engine.Runtime.Client;
        var label = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{RuntimeLabels.App}={appName}"] = true } };
        var containers = await docker.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = label });
        var volumes = await docker.Volumes.ListAsync(new VolumesListParameters { Filters = label });
        var networks = await docker.Networks.ListNetworksAsync(new NetworksListParameters { Filters = label });
        Assert.True(containers.Count == 0, $"containers left on {endpoint}: {string.Join(", ", containers.Select(c => string.Join(',', c.Names)))}");
        Assert.True(volumes.Volumes is null || volumes.Volumes.Count == 0, $"volumes left on {endpoint}: {string.Join(", ", volumes.Volumes?.Select(v => v.Name) ?? [])}");
        Assert.True(networks.Count == 0, $"networks left on {endpoint}: {string.Join(", ", networks.Select(n => n.Name))}");
    }

    /// <summary>A web deployment answering its pod's name (or <paramref name="version"/>) on 8080, with a readiness probe.</summary>
    public static DeploymentBuilder Web(AppDeclaration app, int replicas, string version = "") =>
        app.AddDeployment("web").WithImage(TestImage.Name).WithReplicas(replicas).WithPort(8080)
            .WithCommand("/bin/sh", "-c", "mkdir -p /w && echo ${VERSION:-$HOSTNAME} > /w/index.html && exec httpd -f -p 8080 -h /w")
            .WithEnvironment("VERSION", version)
            .WithResources(cpu: "20m", memory: "16Mi")
            .WithReadinessProbe(httpGet: "/", port: 8080, periodSeconds: 1)
            .WithRollingUpdate(maxSurge: 1, maxUnavailable: 0)
            .WithTerminationGracePeriod(TimeSpan.FromSeconds(1));
}
