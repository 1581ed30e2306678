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
var engines = new Option<int>("--engines")
{
    Description = "With --runtime docker: the engines of scripts/engines.sh up N (one network namespace each) as N nodes; 0 uses the local engine.",
    DefaultValueFactory = _ => 0,
};
var port = new Option<int>("--port") { Description = "The API's HTTPS port on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => 6443 };

var root = new RootCommand("Runs an Orchestration.Sdk cluster with the Kubernetes API on.") { kubeconfig, nodes, runtime, engines, port };
root.SetAction(async (parsed, cancellationToken) =>
{
    var path = parsed.GetValue(kubeconfig)!.FullName;
    var count = parsed.GetValue(nodes);
    var builder = Host.CreateApplicationBuilder();
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    var orchestration = builder.Services.AddOrchestration();
    var engineCount = parsed.GetValue(engines);
    if (parsed.GetValue(runtime) == "docker")
    {
        // scripts/engines.sh's layout: engine I's socket in /run/orch-eI, its namespace at 10.250.0.1I on the bridge
        // 10.250.0.1, where the service proxy listens so that every engine's containers reach the services.
        var missing = Enumerable.Range(1, engineCount).Where(i => !File.Exists($"/run/orch-e{i}/docker.sock")).ToList();
        if (missing.Count > 0)
        {
            Console.Error.WriteLine($"engines {string.Join(", ", missing)} are not running: start them with `sudo scripts/engines.sh up {engineCount}`");
            return 1;
        }

        orchestration.UseDocker(o =>
        {
            for (var i = 1; i <= engineCount; i++)
            {
                o.AddEngine($"e{i}", $"unix:///run/orch-e{i}/docker.sock", e => e.WithAddress($"10.250.0.1{i}"));
            }

            if (engineCount > 0)
            {
                o.ServiceAddress = "10.250.0.1";
            }
        });
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
