using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestration.Sdk;
using Orchestration.Sdk.Autoscaling;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Networking;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Runtime.InMemory;

namespace GettingStarted;

/// <summary>The sample on the in-memory runtime: three simulated nodes, images are only names, nothing really runs.</summary>
internal static class InMemoryApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var queue = new WorkQueue();
        builder.Services.Configure<AutoscalerOptions>(o => o.SyncPeriod = TimeSpan.FromSeconds(2)); // demo pace; default 15 s
        builder.Services.AddOrchestration(app =>
        {
            app.AddSecret("db-credentials").WithValue("password", "demo-" + Guid.NewGuid().ToString("N")[..12]);
            app.AddConfigMap("web-settings").WithValue("greeting", "hello from getting-started");
            var web = Web(app, "shop-web:1").WithReplicas(3);
            app.AddService("web").SelectingPodsOf(web).WithPort(80, targetPort: 8080);
            var worker = app.AddDeployment("worker").WithImage("shop-worker:1")
                .WithResources(cpu: "500m", memory: "512Mi");
            app.AddAutoscaler("worker").Scaling(worker).WithReplicas(min: 1, max: 4)
                .WithCustomMetric(WorkQueue.MetricName, averagePerPod: "5")
                .WithScaleDown(new ScalingRules { StabilizationWindowSeconds = 6 }); // default 300 s
            app.AddDeployment("db").WithImage("postgres:16")
                .WithEnvironmentFromSecret("POSTGRES_PASSWORD", "db-credentials", "password")
                .WithResources(cpu: "500m", memory: "1Gi")
                .WithPort(5432);
            app.AddDeployment("cache").WithImage("redis:7")
                .WithResources(cpu: "100m", memory: "128Mi")
                .WithPort(6379);
        })
        .UseInMemoryRuntime(nodes =>
        {
            nodes.Add("node-1", cpu: 2, memory: "4Gi");
            nodes.Add("node-2", cpu: 2, memory: "4Gi");
            nodes.Add("node-3", cpu: 4, memory: "8Gi");
        })
        .AddMetricSource(WorkQueue.MetricName, (_, _) => ValueTask.FromResult(MetricSample.ForTotal(queue.Length)));

        using var host = builder.Build();
        await host.StartAsync();
        var client = host.Services.GetRequiredService<IOrchestrationClient>();
        var cluster = host.Services.GetRequiredService<InMemoryCluster>();
        await Tour.RunAsync(
            client,
            victim =>
            {
                ClusterView.Say($"Crashing container web in pod {victim.Metadata.Name} on {victim.Spec.NodeName} (exit code 137)...");
                cluster[victim.Spec.NodeName!].CrashContainer(victim.Metadata.Name, "web", exitCode: 137);
                return Task.CompletedTask;
            },
            scaleUpTo: 5);
        var features = new Features(client, host.Services.GetRequiredService<IRolloutClient>());
        await features.DiscoveryAsync(host.Services.GetRequiredService<IServiceDiscovery>());
        var next = new AppDeclaration();
        Web(next, "shop-web:2").WithReplicas(2);
        await features.RolloutWithoutTrafficAsync(next);
        await features.AutoscalingAsync(queue);
        await host.StopAsync();
        ClusterView.Say("Done.");
        return 0;
    }

    private static DeploymentBuilder Web(AppDeclaration app, string image) =>
        app.AddDeployment("web").WithImage(image)
            .WithEnvironmentFromConfigMap("GREETING", "web-settings", "greeting")
            .WithResources(cpu: "250m", memory: "256Mi")
            .WithPort(8080, name: "http")
            .WithRollingUpdate(maxSurge: 1, maxUnavailable: 0);
}
