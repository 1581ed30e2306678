using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Hosting;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Runtime.NodeAgents;

namespace Orchestration.Sdk.Docker.Tests.Support;

/// <summary>
/// A real host: <c>services.AddOrchestration(declare).UseDocker(...)</c> on the real engine, with a unique app name and
/// a short crash-loop back-off. Disposing it stops the host (RemoveOnShutdown removes its containers).
/// </summary>
internal sealed class DockerOrchestrator : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _disposed;

    private DockerOrchestrator(IHost host, string appName)
    {
        _host = host;
        AppName = appName;
        Client = host.Services.GetRequiredService<IOrchestrationClient>();
        Nodes = (DockerNodeProvider)host.Services.GetRequiredService<INodeProvider>();
        Runtime = Nodes.Runtime;
    }

    /// <summary>The engines as nodes (one for a single-engine host).</summary>
    public DockerNodeProvider Nodes { get; }

    /// <summary>The runtime of node <paramref name="node"/>.</summary>
    public DockerContainerRuntime RuntimeOf(string node) => (DockerContainerRuntime)Nodes.Nodes.Single(n => n.Name == node).Runtime;

    public string AppName { get; }

    /// <summary>The host's services (the rollout client, options).</summary>
    public IServiceProvider Services => _host.Services;

    public IOrchestrationClient Client { get; }

    public DockerContainerRuntime Runtime { get; }

    public static async Task<DockerOrchestrator> StartAsync(
        Action<AppDeclaration> declare,
        string? appName = null,
        DockerLifetime lifetime = DockerLifetime.RemoveOnShutdown,
        Action<NodeAgentOptions>? agents = null,
        string? storePath = null,
        Action<IServiceCollection>? services = null,
        Action<IOrchestrationBuilder>? orchestration = null,
        string? endpoint = null,
        Action<DockerRuntimeOptions>? docker = null)
    {
        await TestImage.EnsureBuiltAsync(endpoint);
        appName ??= DockerTestRuntime.NewAppName();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.Configure<NodeAgentOptions>(o =>
        {
            o.InitialBackoff = TimeSpan.FromSeconds(1);
            o.RuntimeRetryInitialBackoff = TimeSpan.FromMilliseconds(500);
            agents?.Invoke(o);
        });
        if (storePath is not null)
        {
            builder.Services.Configure<Orchestration.Sdk.Store.StoreOptions>(o => o.PersistencePath = storePath);
        }

        services?.Invoke(builder.Services);
        var orchestrationBuilder = builder.Services.AddOrchestration(declare).UseDocker(o =>
        {
            o.AppName = appName;
            o.NodeName = "docker-e2e";
            o.Lifetime = lifetime;
            o.Endpoint = endpoint;
            docker?.Invoke(o);
        });
        orchestration?.Invoke(orchestrationBuilder);
        var host = builder.Build();
        await host.StartAsync();
        return new DockerOrchestrator(host, appName);
    }

    public async Task<IReadOnlyList<Pod>> PodsAsync() => await Client.ListAsync<Pod>();

    /// <summary>Polls the pods (real time, bounded) until <paramref name="condition"/> holds; reports what it last saw.</summary>
    public Task<IReadOnlyList<Pod>> WaitForPodsAsync(string description, Func<IReadOnlyList<Pod>, bool> condition, TimeSpan? timeout = null) =>
        Poll.UntilAsync(description, PodsAsync, condition, timeout, describe: pods => "\n" + Describe(pods));

    /// <summary>The app's containers in the engine (sandboxes excluded), straight from the runtime.</summary>
    public Task<IReadOnlyList<RuntimeContainer>> ContainersAsync() =>
        Runtime.ListContainersAsync(new Dictionary<string, string> { [RuntimeLabels.App] = AppName }, CancellationToken.None);

    public static bool AllRunning(IReadOnlyList<Pod> pods, int count) =>
        pods.Count == count && pods.All(p => p.Status.Phase == PodPhase.Running && p.Status.ContainerStatuses.All(c => c.State.Running is not null) && p.Status.PodIP is { Length: > 0 });

    public static string Describe(IEnumerable<Pod> pods) => string.Join('\n', pods.Select(p =>
        $"  {p.Metadata.Name} on {p.Spec.NodeName} {p.Status.Phase} ip={p.Status.PodIP} " + string.Join(' ', p.Status.ContainerStatuses.Select(c =>
            $"[{c.Name} restarts={c.RestartCount} running={c.State.Running is not null} waiting={c.State.Waiting?.Reason}:{c.State.Waiting?.Message} terminated={c.State.Terminated?.ExitCode} last={c.LastState?.Terminated?.ExitCode}]"))));

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _host.StopAsync();
        if (_host is IAsyncDisposable asyncHost)
        {
            await asyncHost.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }
}
