using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Configuration;
using Orchestration.Sdk;
using Orchestration.Sdk.Autoscaling;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Declaration;
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
        builder.Logging.AddFilter("Orchestration.Sdk.Docker.DockerImageBuildClient", LogLevel.Information);

        // The database password comes from configuration (user secrets, environment: Db__Password=...), as Aspire's
        // parameters do; the demo makes one up when none is configured. It is never printed.
        if (string.IsNullOrEmpty(builder.Configuration["Db:Password"]))
        {
            builder.Configuration.AddInMemoryCollection([new("Db:Password", "demo-" + Guid.NewGuid().ToString("N")[..12])]);
        }

        var queue = new WorkQueue();
        builder.Services.Configure<AutoscalerOptions>(o => o.SyncPeriod = TimeSpan.FromSeconds(2)); // demo pace; default 15 s
        builder.Services.AddOrchestration(app =>
        {
            app.AddSecret("db-credentials").FromConfiguration(builder.Configuration, "Db:Password", key: "password");
            app.AddConfigMap("web-settings").WithValue("greeting", "hello from getting-started");
            var web = Web(app, imageContext, "v1").WithReplicas(3);
            app.AddService("web").SelectingPodsOf(web).WithPort(80, targetPort: 8080).ExposedOnHost();

            // The worker calls the web service by name, twice a second, and logs each answer.
            var worker = Busybox(app.AddDeployment("worker"), imageContext, "sh", "-c",
                    "while :; do wget -q -O- http://web/ || echo 'web did not answer'; sleep 0.5; done")
                .WithResources(cpu: "50m", memory: "16Mi");
            app.AddAutoscaler("worker").Scaling(worker).WithReplicas(min: 1, max: 4)
                .WithCustomMetric(WorkQueue.MetricName, averagePerPod: "5")
                .WithScaleDown(new ScalingRules { StabilizationWindowSeconds = 6 }); // default 300 s

            // The database checks that its password arrived, as a variable and as a file on tmpfs, without printing it.
            Busybox(app.AddDeployment("db"), imageContext, "sh", "-c",
                    "p=$(cat /run/secrets/db/password); [ \"$p\" = \"$DB_PASSWORD\" ] && echo \"db: password from Secret db-credentials arrived as DB_PASSWORD and as /run/secrets/db/password (${#p} characters, the two agree)\"; "
                    + "ls -l /run/secrets/db/password; grep ' /run/secrets/db ' /proc/mounts; exec sleep 3600")
                .WithEnvironmentFromSecret("DB_PASSWORD", "db-credentials", "password")
                .WithSecretFiles("db-credentials", "/run/secrets/db")
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
        })
        .AddMetricSource(WorkQueue.MetricName, (_, _) => ValueTask.FromResult(MetricSample.ForTotal(queue.Length)));

        using (var host = builder.Build())
        {
            await host.StartAsync();
            var client = host.Services.GetRequiredService<IOrchestrationClient>();
            await Tour.RunAsync(client, victim => KillAsync(engine, victim), scaleUpTo: 5);
            var features = new Features(client, host.Services.GetRequiredService<IRolloutClient>());
            await features.ServicesAsync();
            await features.SecretsAndConfigAsync();
            var next = new AppDeclaration();
            Web(next, imageContext, "v2").WithReplicas(2);
            await features.RolloutAsync(next);
            await features.AutoscalingAsync(queue);
            ClusterView.Say("Stopping the host (RemoveOnShutdown removes the app's containers)...");
            await host.StopAsync();
        }

        var label = $"io.orchestration.app={AppName}";
        var left = await engine.CountContainersAsync(label);
        ClusterView.Say($"Containers left in the engine with label {label}: {left}");
        ClusterView.Say("Done.");
        return left == 0 ? 0 : 1;
    }

    /// <summary>web: busybox httpd on 8080 whose page says its version, the ConfigMap's greeting and the pod's name.</summary>
    private static DeploymentBuilder Web(AppDeclaration app, string imageContext, string version) =>
        Busybox(app.AddDeployment("web"), imageContext, "sh", "-c",
                "mkdir -p /tmp/www && echo \"$VERSION: $(cat /etc/web/greeting) (pod $(cat /etc/hostname))\" > /tmp/www/index.html && exec /bin/busybox httpd -f -p 8080 -h /tmp/www")
            .WithEnvironment("VERSION", version)
            .WithConfigMapFiles("web-settings", "/etc/web")
            .WithResources(cpu: "100m", memory: "16Mi", memoryLimit: "64Mi")
            .WithPort(8080, name: "http")
            .WithReadinessProbe(httpGet: "/", port: 8080, periodSeconds: 1)
            .WithRollingUpdate(maxSurge: 1, maxUnavailable: 0);

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
}
