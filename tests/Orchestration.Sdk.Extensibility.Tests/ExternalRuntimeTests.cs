using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Extensibility.Tests;

/// <summary>
/// A runtime written outside the core (<see cref="TinyRuntime"/>, public contracts only) runs a deployment through
/// <c>AddOrchestration</c> like the built-in runtimes do.
/// </summary>
public sealed class ExternalRuntimeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task UseTinyRuntime_Deployment_ReachesReadyOnTheExternalRuntime()
    {
        using var host = NewHost(replicas: 2);
        var rollout = host.Services.GetRequiredService<IRolloutClient>();
        var client = host.Services.GetRequiredService<IOrchestrationClient>();
        var runtime = ((TinyNodeProvider)host.Services.GetRequiredService<INodeProvider>()).Runtime;
        using var timeout = new CancellationTokenSource(Timeout);

        await host.StartAsync(timeout.Token);
        var status = await rollout.WaitAsync("web", cancellationToken: timeout.Token);

        Assert.True(status.IsComplete, status.Message);
        var deployment = await client.GetAsync<Deployment>("web", cancellationToken: timeout.Token);
        Assert.Equal(2, deployment!.Status.ReadyReplicas);
        var pods = await client.ListAsync<Pod>(cancellationToken: timeout.Token);
        Assert.All(pods, p => Assert.Equal("tiny-1", p.Spec.NodeName));
        Assert.All(pods, p => Assert.StartsWith("10.1.1.", p.Status.PodIP, StringComparison.Ordinal));
        Assert.Equal(2, runtime.Running.Count);
        Assert.All(runtime.Running, c => Assert.Equal("web:1", c.Image));
        Assert.Equal(
            pods.Select(p => p.Metadata.Uid).Order(StringComparer.Ordinal),
            runtime.Running.Select(c => c.Labels[RuntimeLabels.PodUid]).Order(StringComparer.Ordinal));
        await host.StopAsync(timeout.Token);
    }

    [Fact]
    public async Task UseTinyRuntime_ScaleDownThenStop_GatesTheTerminatingPodAndRunsTheLifecycle()
    {
        using var host = NewHost(replicas: 2);
        var rollout = host.Services.GetRequiredService<IRolloutClient>();
        var client = host.Services.GetRequiredService<IOrchestrationClient>();
        var runtime = ((TinyNodeProvider)host.Services.GetRequiredService<INodeProvider>()).Runtime;
        var lifecycle = host.Services.GetRequiredService<TinyLifecycle>();
        using var timeout = new CancellationTokenSource(Timeout);
        await host.StartAsync(timeout.Token);
        await rollout.WaitAsync("web", cancellationToken: timeout.Token);
        var before = (await client.ListAsync<Pod>(cancellationToken: timeout.Token)).Select(p => p.Metadata.Name).ToList();

        await client.ScaleAsync("web", 1, cancellationToken: timeout.Token);
        var remaining = await WaitForPodCountAsync(client, 1, timeout.Token);

        var removed = Assert.Single(before.Except(remaining.Select(p => p.Metadata.Name)));
        Assert.Equal([removed], lifecycle.Drained);
        Assert.Equal(remaining[0].Metadata.Uid, Assert.Single(runtime.Running).Labels[RuntimeLabels.PodUid]);
        Assert.Equal(0, lifecycle.Stops);
        await host.StopAsync(timeout.Token);
        Assert.Equal(1, lifecycle.Stops);
    }

    private static IHost NewHost(int replicas)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider());
        builder.Services.AddOrchestration(app => app.AddDeployment("web").WithImage("web:1").WithReplicas(replicas))
            .UseTinyRuntime();
        return builder.Build();
    }

    /// <summary>
    /// Lists, then follows the pods' watch from the newest version listed (no polling, no change missed in between)
    /// until exactly <paramref name="count"/> exist.
    /// </summary>
    private static async Task<IReadOnlyList<Pod>> WaitForPodCountAsync(IOrchestrationClient client, int count, CancellationToken cancellationToken)
    {
        while (true)
        {
            var pods = await client.ListAsync<Pod>(cancellationToken: cancellationToken);
            if (pods.Count == count)
            {
                return pods;
            }

            var listed = pods.Count == 0 ? 0 : pods.Max(p => p.Metadata.ResourceVersion);
            await foreach (var change in client.WatchAsync<Pod>(listed, cancellationToken))
            {
                if (change.Type == Store.WatchEventType.Expired)
                {
                    break; // list again
                }

                pods = await client.ListAsync<Pod>(cancellationToken: cancellationToken);
                if (pods.Count == count)
                {
                    return pods;
                }
            }
        }
    }
}
