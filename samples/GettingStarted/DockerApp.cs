using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Docker;
using Orchestration.Sdk.Model;

namespace GettingStarted;

/// <summary>
/// The sample on a real Docker engine. No registry is needed: every deployment runs a tiny image (FROM scratch +
/// the host's static busybox) that the SDK builds from a temporary directory through <c>WithImageBuiltFrom</c>.
/// web serves HTTP with busybox httpd; worker, db and cache stand in with a long <c>sleep</c>.
/// </summary>
internal static class DockerApp
{
    public const string BusyboxPath = "/bin/busybox";
    private const string AppName = "getting-started";
    private const string Image = "getting-started/busybox:local";

    public static async Task<int> RunAsync(string[] args, DockerEngine engine)
    {
        var context = Directory.CreateTempSubdirectory("getting-started-image-");
        try
        {
            File.Copy(BusyboxPath, Path.Combine(context.FullName, "busybox"));
            Directory.CreateDirectory(Path.Combine(context.FullName, "www"));
            await File.WriteAllTextAsync(Path.Combine(context.FullName, "www", "index.html"), "hello from getting-started\n");
            await File.WriteAllTextAsync(Path.Combine(context.FullName, "Dockerfile"), "FROM scratch\nCOPY busybox /bin/busybox\nCOPY www /www\n");
            ClusterView.Say($"Image {Image}: built by the SDK from {context.FullName} (FROM scratch + {BusyboxPath}) unless the engine has it already.");
            return await RunHostAsync(args, engine, context.FullName);
        }
        finally
        {
            context.Delete(recursive: true);
        }
    }

    private static async Task<int> RunHostAsync(string[] args, DockerEngine engine, string imageContext)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Orchestration.Sdk.Docker.DockerImageBuilder", LogLevel.Information);
        builder.Services.AddOrchestration(app =>
        {
            Busybox(app.AddDeployment("web"), imageContext, "httpd", "-f", "-p", "8080", "-h", "/www")
                .WithReplicas(3)
                .WithResources(cpu: "100m", memory: "16Mi", memoryLimit: "64Mi")
                .WithPort(8080, name: "http");
            Busybox(app.AddDeployment("worker"), imageContext, "sleep", "3600")
                .WithResources(cpu: "100m", memory: "16Mi");
            Busybox(app.AddDeployment("db"), imageContext, "sleep", "3600")
                .WithResources(cpu: "100m", memory: "32Mi")
                .WithPort(5432);
            Busybox(app.AddDeployment("cache"), imageContext, "sleep", "3600")
                .WithResources(cpu: "100m", memory: "16Mi")
                .WithPort(6379);
        })
        .UseDocker(o =>
        {
            o.AppName = AppName;
            o.NodeName = "docker";
            o.Lifetime = DockerLifetime.RemoveOnShutdown;
            o.BusyboxPath = BusyboxPath;
        });

        using (var host = builder.Build())
        {
            await host.StartAsync();
            var client = host.Services.GetRequiredService<IOrchestrationClient>();
            await Tour.RunAsync(client, victim => KillAsync(engine, victim), scaleUpTo: 5);
            await GetPageAsync(client);
            ClusterView.Say("Stopping the host (RemoveOnShutdown removes the app's containers)...");
            await host.StopAsync();
        }

        var label = $"io.orchestration.app={AppName}";
        var left = await engine.CountContainersAsync(label);
        ClusterView.Say($"Containers left in the engine with label {label}: {left}");
        ClusterView.Say("Done.");
        return left == 0 ? 0 : 1;
    }

    private static DeploymentBuilder Busybox(DeploymentBuilder deployment, string imageContext, params string[] command) =>
        deployment.WithImage(Image)
            .WithImageBuiltFrom(imageContext)
            .WithCommand(["/bin/busybox", .. command])
            .WithTerminationGracePeriod(TimeSpan.FromSeconds(1)); // busybox as PID 1 ignores SIGTERM: do not wait 30 s

    private static async Task KillAsync(DockerEngine engine, Pod victim)
    {
        var id = victim.Status.ContainerStatuses.First(c => c.Name == "web").ContainerId!;
        ClusterView.Say($"Killing container web ({id[..12]}) of pod {victim.Metadata.Name} from outside the SDK, as `docker kill` does: POST {engine.Endpoint} /containers/{id[..12]}/kill?signal=KILL ...");
        await engine.KillAsync(id);
    }

    private static async Task GetPageAsync(IOrchestrationClient client)
    {
        var pod = (await new ClusterView(client).PodsOfAsync("web"))[0];
        var url = $"http://{pod.Status.PodIP}:8080/";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            ClusterView.Say($"GET {url} -> {(await http.GetStringAsync(url)).Trim()}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            ClusterView.Say($"GET {url} failed from this host: {e.Message} (pod IPs are on the engine's bridge network)");
        }

        ClusterView.Say(string.Empty);
    }
}
