// Getting started: the app from the article this project started from — a web front end of three replicas,
// a background worker, a database and a cache, each with CPU and memory requests — kept running by the SDK.
using GettingStarted;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Runtime;

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
var show = new ClusterView(client);

ClusterView.Say("Runtime: in-memory (3 simulated nodes)");
await show.WaitForReadyAsync(("web", 3), ("worker", 1), ("db", 1), ("cache", 1));
await show.PodsAsync("Every pod scheduled and running:");

// A crash: the web container of one pod exits with code 137. The node agent learns it from the runtime's
// event stream and restarts it (restart policy Always; the first restart is immediate).
var victim = (await show.PodsOfAsync("web"))[0];
ClusterView.Say($"Crashing container web in pod {victim.Metadata.Name} on {victim.Spec.NodeName} (exit code 137)...");
cluster[victim.Spec.NodeName!].CrashContainer(victim.Metadata.Name, "web", exitCode: 137);
await show.WaitForRestartAsync(victim.Metadata.Name);
await show.PodsAsync("Restarted:");

ClusterView.Say("Scaling web to 5 replicas...");
await client.ScaleAsync("web", 5);
await show.WaitForReadyAsync(("web", 5));
await show.PodsAsync("web at 5:", app: "web");

ClusterView.Say("Scaling web down to 2 replicas...");
await client.ScaleAsync("web", 2);
await show.WaitForReadyAsync(("web", 2));
await show.PodsAsync("web at 2:", app: "web");

await host.StopAsync();
ClusterView.Say("Done.");
return 0;
