using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Docker;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Benchmarks.Docker;

/// <summary>
/// The orchestrator on Docker: a host with <c>AddOrchestration().UseDocker()</c> whose node is registered, then a
/// deployment of N single-container pods applied and timed until every pod runs. Each pod is a sandbox plus its
/// container. The host stays up for the kill measurements.
/// </summary>
internal sealed class SdkDockerRound : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly IHostedService[] _hosted;

    private SdkDockerRound(ServiceProvider services)
    {
        _services = services;
        _hosted = [.. services.GetServices<IHostedService>()];
        Client = services.GetRequiredService<IOrchestrationClient>();
        Runtime = ((DockerNodeProvider)services.GetRequiredService<INodeProvider>()).Runtime;
    }

    public IOrchestrationClient Client { get; }

    /// <summary>The host's services (the rollout client).</summary>
    public IServiceProvider Services => _services;

    public DockerContainerRuntime Runtime { get; }

    public static async Task<SdkDockerRound> StartAsync(
        string? endpoint, CancellationToken cancellationToken, Action<DockerRuntimeOptions>? docker = null, Action<IServiceCollection>? configure = null, int nodes = 1)
    {
        var services = new ServiceCollection();
        configure?.Invoke(services);
        services.AddLogging(l =>
        {
            l.SetMinimumLevel(LogLevel.Warning);
            if (Environment.GetEnvironmentVariable("BENCH_LOG") is { Length: > 0 } category)
            {
                l.AddSimpleConsole(o => o.SingleLine = true).AddFilter(category, LogLevel.Debug);
            }
        });
        services.AddOrchestration().UseDocker(o =>
        {
            o.AppName = "bench-" + Guid.NewGuid().ToString("N")[..8];
            o.Endpoint = endpoint;
            o.Lifetime = DockerLifetime.RemoveOnShutdown;
            docker?.Invoke(o);
        });
        var round = new SdkDockerRound(services.BuildServiceProvider());
        foreach (var hosted in round._hosted)
        {
            await hosted.StartAsync(cancellationToken);
        }

        await round.WaitAsync(c => c.Client.ListAsync<Node>(cancellationToken: cancellationToken), ready => ready.Count(n => n.Status.IsReady) >= nodes, TimeSpan.FromSeconds(60), cancellationToken);
        return round;
    }

    /// <returns>The time from applying the deployment until every pod is Running.</returns>
    public async Task<TimeSpan> DeployAsync(string name, int replicas, CancellationToken cancellationToken)
    {
        var app = new AppDeclaration();
        app.AddDeployment(name).WithImage(BenchImage.Name).WithCommand("/bin/sleep", "600").WithReplicas(replicas);
        var clock = Stopwatch.StartNew();
        await Client.ApplyAsync(app, cancellationToken);
        await WaitAsync(
            c => c.Client.ListAsync<Pod>(cancellationToken: cancellationToken),
            pods => pods.Count(p => p.Metadata.Name.StartsWith(name + "-", StringComparison.Ordinal) && p.Status.Phase == PodPhase.Running && p.Status.ContainerStatuses.All(s => s.State.Running is not null)) == replicas,
            TimeSpan.FromMinutes(5),
            cancellationToken);
        return clock.Elapsed;
    }

    public async Task<T> WaitAsync<T>(Func<SdkDockerRound, Task<T>> read, Func<T, bool> done, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        while (true)
        {
            var value = await read(this);
            if (done(value))
            {
                return value;
            }

            await Task.Delay(10, limit.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in _hosted.Reverse())
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        await _services.DisposeAsync();
    }
}
