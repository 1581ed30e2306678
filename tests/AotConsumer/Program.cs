// Published with native AOT by scripts/check-aot.sh: a declaration on the in-memory runtime, persisted to a store file
// (the model's JSON), applied again through the client (apply's three-way merge, JSON too), then the store reloaded by
// a second host. Exits 0 when every step did what it should; 1 (with what was seen) otherwise.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

var directory = Directory.CreateTempSubdirectory("aot-consumer-").FullName;
var store = Path.Combine(directory, "store.db");
try
{
    using (var host = Build(store, replicas: 2))
    {
        await host.StartAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var status = await host.Services.GetRequiredService<IRolloutClient>().WaitAsync("web", cancellationToken: timeout.Token);
        Console.WriteLine($"aot-consumer: deployment web: {status.Message}");

        var client = host.Services.GetRequiredService<IOrchestrationClient>();
        var web = await client.GetAsync<Deployment>("web", cancellationToken: timeout.Token) ?? throw new InvalidOperationException("deployment web is missing");
        var applied = await client.ApplyAsync(web with { Spec = web.Spec with { Replicas = 3 } }, timeout.Token);
        Check(applied.Spec.Replicas == 3, $"apply kept {applied.Spec.Replicas} replicas, not 3");
        await host.StopAsync();
    }

    using (var host = Build(store, replicas: null))
    {
        await host.StartAsync();
        var client = host.Services.GetRequiredService<IOrchestrationClient>();
        var web = await client.GetAsync<Deployment>("web");
        Check(web is { Spec.Replicas: 3 }, $"the reloaded store holds {web?.Spec.Replicas.ToString() ?? "no deployment"}, not web with 3 replicas");
        Console.WriteLine("aot-consumer: the store file read back: web has 3 replicas");
        await host.StopAsync();
    }

    return 0;
}
catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException or Orchestration.Sdk.OrchestrationException)
{
    Console.Error.WriteLine($"aot-consumer: {ex.Message}");
    return 1;
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(directory, recursive: true);
}

static IHost Build(string store, int? replicas)
{
    var builder = Host.CreateApplicationBuilder();
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    builder.Services.Configure<StoreOptions>(o => o.PersistencePath = store);
    builder.Services.AddOrchestration(replicas is { } n ? app => app.AddDeployment("web").WithImage("web:1").WithReplicas(n).WithPort(8080) : null)
        .UseInMemoryRuntime(nodes => nodes.Add("node-1", cpu: 4, memory: "8Gi"));
    return builder.Build();
}

static void Check(bool condition, string failure)
{
    if (!condition)
    {
        throw new InvalidOperationException(failure);
    }
}
