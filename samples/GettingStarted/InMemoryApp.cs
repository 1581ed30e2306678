using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orchestration.Sdk;
using Orchestration.Sdk.Autoscaling;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Networking;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Runtime.InMemory;

namespace GettingStarted;

/// <summary>The sample on the in-memory runtime: three simulated nodes, images are only names, nothing really runs.</summary>
internal static class InMemoryApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        // appsettings.json beside the binary names every log category of the SDK (all at Warning; raise one there or
        // with Logging__LogLevel__<category>=Debug in the environment).
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var queue = new WorkQueue();
        builder.Services.Configure<AutoscalerOptions>(o => o.SyncPeriod = TimeSpan.FromSeconds(2)); // demo pace; default 15 s
        builder.Services.AddOrchestration(app => ShopDeclaration.Declare(app, "demo-" + Guid.NewGuid().ToString("N")[..12]))
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
        ShopDeclaration.Web(next, "shop-web:2").WithReplicas(2);
        await features.RolloutWithoutTrafficAsync(next);
        await features.AutoscalingAsync(queue);
        await host.StopAsync();
        ClusterView.Say("Done.");
        return 0;
    }
}
