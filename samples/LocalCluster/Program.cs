// A local cluster for people and scripts: the orchestrator with the Kubernetes API on, so the real kubectl works
// against it. Writes the kubeconfig once the API answers, prints a line beginning "ready:", runs until Ctrl+C or
// SIGTERM, then stops cleanly and exits 0.
using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Kubernetes.Hosting;

var kubeconfig = new Option<FileInfo>("--kubeconfig") { Description = "Where to write the kubeconfig (mode 0600).", Required = true };
var nodes = new Option<int>("--nodes") { Description = "Simulated nodes (in-memory runtime).", DefaultValueFactory = _ => 3 };
var runtime = new Option<string>("--runtime") { Description = "in-memory or docker.", DefaultValueFactory = _ => "in-memory" };
runtime.AcceptOnlyFromAmong("in-memory", "docker");
var port = new Option<int>("--port") { Description = "The API's HTTPS port on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => 6443 };

var root = new RootCommand("Runs an Orchestration.Sdk cluster with the Kubernetes API on.") { kubeconfig, nodes, runtime, port };
root.SetAction(async (parsed, cancellationToken) =>
{
    var path = parsed.GetValue(kubeconfig)!.FullName;
    var count = parsed.GetValue(nodes);
    var builder = Host.CreateApplicationBuilder();
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    var orchestration = builder.Services.AddOrchestration();
    if (parsed.GetValue(runtime) == "docker")
    {
        orchestration.UseDocker();
    }
    else
    {
        orchestration.UseInMemoryRuntime(cluster =>
        {
            for (var i = 1; i <= count; i++)
            {
                cluster.Add($"node-{i}");
            }
        });
    }

    orchestration.WithKubernetesApi(o =>
    {
        o.KubeconfigPath = path;
        o.Port = parsed.GetValue(port);
        o.ContextName = "local-cluster";
    });

    using var host = builder.Build();
    await host.StartAsync(cancellationToken);
    var api = host.Services.GetRequiredService<IKubernetesApi>();
    var address = await api.WaitUntilListeningAsync(cancellationToken);
    Console.WriteLine($"ready: kubectl --kubeconfig {path} get nodes   (API at {address})");
    await host.WaitForShutdownAsync(CancellationToken.None);
    return 0;
});

return await root.Parse(args).InvokeAsync();
