using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Informers;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Scheduling;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Hosting;

/// <summary>
/// Validates the declaration (an invalid one stops the start and changes nothing), starts every
/// <see cref="IClusterComponent"/>, waits (bounded) for the nodes to register so the first pods are spread over all of
/// them, applies the declaration, and on stop cancels and awaits them all. Components are resolved only once a runtime
/// is known to be configured, so a missing runtime is reported as such rather than as a DI resolution failure.
/// </summary>
internal sealed partial class OrchestrationRunner(
    IServiceProvider services,
    IEnumerable<DeclarationSource> declarations,
    ILogger<OrchestrationRunner> logger) : IAsyncDisposable
{
    /// <summary>How long start waits for every node to register before applying anyway (real time).</summary>
    internal static readonly TimeSpan NodeRegistrationTimeout = TimeSpan.FromSeconds(10);

    private readonly List<Task> _running = [];
    private CancellationTokenSource? _stopping;

    public bool IsRunning => _stopping is not null;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_stopping is not null)
        {
            return;
        }

        var app = new AppDeclaration();
        foreach (var source in declarations)
        {
            source.Declare(app);
        }

        var resources = app.Build(); // throws DeclarationValidationException before anything runs
        var nodeProvider = services.GetService<INodeProvider>();
        if (nodeProvider is null)
        {
            throw new InvalidOperationException(
                "No container runtime is configured: call UseInMemoryRuntime(nodes => nodes.Add(\"n1\")) or UseDocker() on the builder returned by AddOrchestration.");
        }

        var client = services.GetRequiredService<IOrchestrationClient>();
        _stopping = new CancellationTokenSource();
        var informers = services.GetRequiredService<SharedInformerFactory>();
        informers.Start(); // before the components, which follow the store through it
        foreach (var component in services.GetServices<IClusterComponent>())
        {
            // On the thread pool, not on the caller's synchronization context (a UI thread, a test framework's few
            // threads): every component's code runs there up to its first ConfigureAwait(false) otherwise.
            var token = _stopping.Token;
            _running.Add(Task.Run(() => RunComponentAsync(component, token), CancellationToken.None));
        }

        await WaitForNodesAsync(nodeProvider, cancellationToken).ConfigureAwait(false);
        foreach (var resource in resources)
        {
            await client.ApplyAsync(resource, cancellationToken).ConfigureAwait(false);
        }

        LogStarted(logger, _running.Count, resources.Count);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping is null)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_running).WaitAsync(cancellationToken).ConfigureAwait(false);
        await services.GetRequiredService<SharedInformerFactory>().StopAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        services.GetRequiredService<ResourceStore>().Flush();
        foreach (var lifecycle in services.GetServices<IRuntimeLifecycle>())
        {
            await lifecycle.OnStoppedAsync(cancellationToken).ConfigureAwait(false);
        }

        _running.Clear();
        _stopping.Dispose();
        _stopping = null;
        LogStopped(logger);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await StopAsync(timeout.Token).ConfigureAwait(false);
    }

    private async Task WaitForNodesAsync(INodeProvider nodeProvider, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<ResourceStore>();
        var expected = nodeProvider.Nodes.Select(n => n.Name).ToList();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(NodeRegistrationTimeout);
        using var nodeChanges = new InformerChangeSignal().Follow(services.GetRequiredService<SharedInformerFactory>().For<Node>());
        try
        {
            while (expected.Any(n => store.Get<Node>(new ObjectKey(Node.KindName, string.Empty, n)) is not { Status.IsReady: true }))
            {
                await nodeChanges.WaitAsync(cancellationToken: timeout.Token).ConfigureAwait(false);
            }

            // The scheduler follows the store through its own feeds: wait until it has seen them Ready too (real time,
            // a few milliseconds), so the first replicas spread over every node.
            var scheduler = services.GetServices<IClusterComponent>().OfType<Scheduler>().FirstOrDefault();
            while (scheduler is not null && !scheduler.SeesReady(expected))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(5), timeout.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogNodesNotReady(logger, NodeRegistrationTimeout);
        }
    }

    private async Task RunComponentAsync(IClusterComponent component, CancellationToken ct)
    {
        try
        {
            await component.RunAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // A crashed component is logged; the others keep running and the host decides.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogComponentFailed(logger, ex, component.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Orchestrator started: {Components} components, {Objects} declared objects applied")]
    private static partial void LogStarted(ILogger logger, int components, int objects);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not every node registered as Ready within {Timeout}; applying the declaration anyway (pods wait as Pending)")]
    private static partial void LogNodesNotReady(ILogger logger, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Information, Message = "Orchestrator stopped")]
    private static partial void LogStopped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Component {Component} stopped with an error")]
    private static partial void LogComponentFailed(ILogger logger, Exception exception, string component);
}
