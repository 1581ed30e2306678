using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Runtime;

namespace GettingStarted;

/// <summary>The sample on the in-memory runtime: three simulated nodes, images are only names.</summary>
internal static class InMemoryApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddOrchestration(app =>
        {
            app.AddDeployment("web").WithImage("shop-web:1").WithReplicas(3)
                .WithResources(cpu: "250m", memory: "256Mi")
                .WithPort(8080, name: "http");
            app.AddDeployment("worker").WithImage("shop-worker:1")
                .WithResources(cpu: "500m", memory: "512Mi");
            app.AddDeployment("db").WithImage("postgres:16")
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
        });

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
        await host.StopAsync();
        ClusterView.Say("Done.");
        return 0;
    }
}
