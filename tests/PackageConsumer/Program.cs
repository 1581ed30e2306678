// The README's first example, built against the packed Orchestration.Sdk package (no project reference), on the
// in-memory runtime, with the health check of Orchestration.Sdk.HealthChecks; then a TestCluster of
// Orchestration.Sdk.Testing. Exits 0 when web and db have rolled out, the check is healthy and the test cluster's
// deployment is ready; 1 (with what was seen) otherwise.
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Testing;

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Db:Password"] = "consumer-check" });

// --- README.md, verbatim ---
builder.Services.AddOrchestration(app =>
{
    app.AddSecret("db-credentials").FromConfiguration(builder.Configuration, "Db:Password", key: "password");
    var db = app.AddDeployment("db").WithImage("postgres:16").WithResources(cpu: "500m", memory: "1Gi")
       .WithEnvironmentFromSecret("POSTGRES_PASSWORD", "db-credentials", "password");
    app.AddService("db").SelectingPodsOf(db).WithPort(5432);

    var web = app.AddDeployment("web").WithImage("shop-web:2").WithReplicas(3)
       .WithResources(cpu: "250m", memory: "256Mi").WithPort(8080)
       .WithReadinessProbe(httpGet: "/healthz", port: 8080)
       .WithRollingUpdate(maxSurge: 1, maxUnavailable: 0);
    app.AddService("web").SelectingPodsOf(web).WithPort(80, targetPort: 8080).ExposedOnHost();
    app.AddAutoscaler("web").Scaling(web).WithReplicas(min: 3, max: 10).WithCpuUtilization(70);
})
.UseInMemoryRuntime(nodes => nodes.Add("node-1", cpu: 4, memory: "8Gi"));   // or .UseDocker()
// --- end of the README's example ---
builder.Services.AddHealthChecks().AddOrchestrationHealthChecks();

using var host = builder.Build();
await host.StartAsync();
using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
try
{
    var rollouts = host.Services.GetRequiredService<IRolloutClient>();
    foreach (var name in new[] { "db", "web" })
    {
        var status = await rollouts.WaitAsync(name, cancellationToken: timeout.Token);
        Console.WriteLine($"consumer: deployment {name}: {status.Message}");
    }

    var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(timeout.Token);
    if (health.Status != HealthStatus.Healthy)
    {
        Console.Error.WriteLine($"consumer: the orchestration health check reports {health.Status}: {string.Join("; ", health.Entries.Select(e => e.Value.Description))}");
        return 1;
    }

    Console.WriteLine("consumer: the orchestration health check is healthy");
    await using var cluster = await TestCluster.StartAsync(app => app.AddDeployment("api").WithImage("api:1").WithReplicas(2), cancellationToken: timeout.Token);
    await cluster.WaitForReadyReplicasAsync("api", 2, TimeSpan.FromSeconds(30));
    Console.WriteLine("consumer: a TestCluster ran deployment api with 2 ready replicas");
}
catch (Exception ex) when (ex is OperationCanceledException or TimeoutException or Orchestration.Sdk.OrchestrationException)
{
    Console.Error.WriteLine($"consumer: failed: {ex.Message}");
    return 1;
}
finally
{
    await host.StopAsync();
}
return 0;
