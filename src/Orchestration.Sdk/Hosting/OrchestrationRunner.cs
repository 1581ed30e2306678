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

    // Resolved at start: a stop after a failed start may run while the service provider is being disposed, when it
    // resolves nothing any more (ObjectDisposedException).
    private SharedInformerFactory? _informers;
    private ResourceStore? _store;
    private IRuntimeLifecycle[] _lifecycles = [];

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

        services.GetRequiredService<ResourceStore>().VerifyReadable(); // a store written with another key stops here
        var client = services.GetRequiredService<IOrchestrationClient>();
        _store = services.GetRequiredService<ResourceStore>();
        _informers = services.GetRequiredService<SharedInformerFactory>();
        _lifecycles = [.. services.GetServices<IRuntimeLifecycle>()];
        foreach (var lifecycle in _lifecycles)
        {
            await lifecycle.OnStartingAsync(cancellationToken).ConfigureAwait(false); // before anything runs
        }

        _stopping = new CancellationTokenSource();
        try
        {
            _informers.Start(); // before the components, which follow the store through it
            foreach (var component in services.GetServices<IClusterComponent>())
            {
                // On the thread pool, not on the caller's synchronization context (a UI thread, a test framework's few
                // threads): every component's code runs there up to its first ConfigureAwait(false) otherwise.
                var token = _stopping.Token;
                _running.Add(Task.Run(() => RunComponentAsync(component, token), CancellationToken.None));
            }

            await WaitForNodesAsync(nodeProvider, cancellationToken).ConfigureAwait(false);
            // The whole declaration or none of it: one transaction on the store's file, undone in memory if one is refused.
            _store.RunAtomically(() =>
            {
                using var apply = Diagnostics.OrchestrationActivities.StartApplyDeclaration(resources.Count);
                foreach (var resource in resources)
                {
                    client.ApplyAsync(resource, cancellationToken).GetAwaiter().GetResult(); // completes synchronously (the in-process client)
                }
            });
        }
        catch (Exception ex)
        {
            // A start that fails half-way stops what it started (and runs the runtime's stop path) before the error
            // surfaces; the host's stop and dispose that follow find nothing left to do.
            LogStartFailed(logger, ex);
            using var timeout = new CancellationTokenSource(DisposeTimeout);
            await StopAsync(timeout.Token).ConfigureAwait(false);
            throw;
        }

        LogStarted(logger, _running.Count, resources.Count);
    }

    /// <summary>How long a stop that no host bounds (dispose, a failed start) waits for the components (real time).</summary>
    internal static readonly TimeSpan DisposeTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Stops the components, flushes the store and runs the runtimes' stop paths. Idempotent, and it does not throw: a
    /// stop that runs out of time, or that runs while the service provider is being disposed, logs what it could not
    /// do and goes on, so an earlier error (a failed start) is never replaced by one of the stop's.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var stopping = Interlocked.Exchange(ref _stopping, null);
        if (stopping is null)
        {
            return;
        }

        try
        {
            await stopping.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(_running).WaitAsync(cancellationToken).ConfigureAwait(false);
            if (_informers is { } informers)
            {
                await informers.StopAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            LogStopIncomplete(logger, "stopping the components", ex.Message);
        }

        foreach (var lifecycle in _lifecycles)
        {
            try
            {
                await lifecycle.OnStoppedAsync(cancellationToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A runtime's failed clean-up is logged; the next lifecycles still run and the stop completes.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogStopIncomplete(logger, $"the stop path of {lifecycle.GetType().Name}", ex.Message);
            }
        }

        _running.Clear();
        stopping.Dispose();
        LogStopped(logger);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(DisposeTimeout);
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

            // The scheduler follows the store through its own feeds: wait until it has seen them Ready too, so the first
            // replicas spread over every node. Its signal wakes this at each change of what it sees.
            var scheduler = services.GetServices<IClusterComponent>().OfType<Scheduler>().FirstOrDefault();
            while (scheduler is not null)
            {
                var changed = scheduler.ReadyNodesChanged;
                if (scheduler.SeesReady(expected))
                {
                    break;
                }

                await changed.WaitAsync(timeout.Token).ConfigureAwait(false);
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

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Orchestrator started: {Components} components, {Objects} declared objects applied")]
    private static partial void LogStarted(ILogger logger, int components, int objects);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Not every node registered as Ready within {Timeout}; applying the declaration anyway (pods wait as Pending)")]
    private static partial void LogNodesNotReady(ILogger logger, TimeSpan timeout);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "Orchestrator start failed; stopping what it started")]
    private static partial void LogStartFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Orchestrator stop: {Step} did not complete: {Error}")]
    private static partial void LogStopIncomplete(ILogger logger, string step, string error);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Orchestrator stopped")]
    private static partial void LogStopped(ILogger logger);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Critical, Message = "Component {Component} stopped with an error")]
    private static partial void LogComponentFailed(ILogger logger, Exception exception, string component);
}
