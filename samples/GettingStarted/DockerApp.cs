using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Configuration;
using Orchestration.Sdk;
using Orchestration.Sdk.Autoscaling;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Docker;
using Orchestration.Sdk.Model;

namespace GettingStarted;

/// <summary>
/// The sample on a real Docker engine. No registry is needed: every deployment runs a tiny image (FROM scratch +
/// the host's static busybox) that the SDK builds from a temporary directory through <c>WithImageBuiltFrom</c>.
/// web serves HTTP with busybox httpd behind the service "web"; the worker calls it by name and is autoscaled on the
/// length of a queue; db gets its password from a Secret; cache stands in with a long <c>sleep</c>.
/// </summary>
internal static class DockerApp
{
    public const string BusyboxPath = "/bin/busybox";
    private const string AppName = "getting-started";

    public static async Task<int> RunAsync(string[] args, DockerEngine engine)
    {
        var context = Directory.CreateTempSubdirectory("getting-started-image-");
        try
        {
            File.Copy(BusyboxPath, Path.Combine(context.FullName, "busybox"));
            Directory.CreateDirectory(Path.Combine(context.FullName, "www"));
            await File.WriteAllTextAsync(Path.Combine(context.FullName, "www", "index.html"), "hello from getting-started\n");
            await File.WriteAllTextAsync(Path.Combine(context.FullName, "Dockerfile"), "FROM scratch\nCOPY busybox /bin/busybox\nCOPY www /www\n");
            ClusterView.Say($"Image {DockerDeclaration.Image}: built by the SDK from {context.FullName} (FROM scratch + {BusyboxPath}) unless the engine has it already.");
            return await RunHostAsync(args, engine, context.FullName);
        }
        finally
        {
            context.Delete(recursive: true);
        }
    }

    private static async Task<int> RunHostAsync(string[] args, DockerEngine engine, string imageContext)
    {
        // appsettings.json beside the binary names every log category of the SDK (all at Warning; raise one there or
        // with Logging__LogLevel__<category>=Debug in the environment).
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });

        // The database password comes from configuration (user secrets, environment: Db__Password=...), as Aspire's
        // parameters do; the demo makes one up when none is configured. It is never printed.
        if (string.IsNullOrEmpty(builder.Configuration["Db:Password"]))
        {
            builder.Configuration.AddInMemoryCollection([new("Db:Password", "demo-" + Guid.NewGuid().ToString("N")[..12])]);
        }

        var queue = new WorkQueue();
        builder.Services.Configure<AutoscalerOptions>(o => o.SyncPeriod = TimeSpan.FromSeconds(2)); // demo pace; default 15 s
        builder.Services.AddOrchestration(app => DockerDeclaration.Declare(app, builder.Configuration, imageContext))
            .UseDocker(o =>
            {
                o.AppName = AppName;
                o.NodeName = "docker";
                o.Lifetime = DockerLifetime.RemoveOnShutdown;
                o.BusyboxPath = BusyboxPath;
            })
            .AddMetricSource(WorkQueue.MetricName, (_, _) => ValueTask.FromResult(MetricSample.ForTotal(queue.Length)));

        using (var host = builder.Build())
        {
            await host.StartAsync();
            var client = host.Services.GetRequiredService<IOrchestrationClient>();
            await Tour.RunAsync(client, victim => KillAsync(engine, victim), scaleUpTo: 5);
            var webPod = (await client.ListAsync<Pod>()).First(p => p.Metadata.Name.StartsWith("web-", StringComparison.Ordinal));
            ClusterView.Say($"Init container of {webPod.Metadata.Name}: {(await client.GetLogsAsync(webPod.Metadata.Name, container: "migrate")).Trim()}");
            var features = new Features(client, host.Services.GetRequiredService<IRolloutClient>());
            await features.ServicesAsync();
            await features.SecretsAndConfigAsync();
            var next = new AppDeclaration();
            DockerDeclaration.Web(next, imageContext, "v2").WithReplicas(2);
            await features.RolloutAsync(next);
            await features.AutoscalingAsync(queue);
            await StatefulData.RunAsync(client);
            ClusterView.Say("Stopping the host (RemoveOnShutdown removes the app's containers)...");
            await host.StopAsync();
        }

        var label = $"io.orchestration.app={AppName}";
        var left = await engine.CountContainersAsync(label);
        ClusterView.Say($"Containers left in the engine with label {label}: {left}");
        ClusterView.Say("Done.");
        return left == 0 ? 0 : 1;
    }

    private static async Task KillAsync(DockerEngine engine, Pod victim)
    {
        var id = victim.Status.ContainerStatuses.First(c => c.Name == "web").ContainerId!;
        ClusterView.Say($"Killing container web ({id[..12]}) of pod {victim.Metadata.Name} from outside the SDK, as `docker kill` does: POST {engine.Endpoint} /containers/{id[..12]}/kill?signal=KILL ...");
        await engine.KillAsync(id);
    }
}
