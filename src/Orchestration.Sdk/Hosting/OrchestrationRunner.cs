using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Hosting;

/// <summary>
/// Validates the declaration (an invalid one stops the start and changes nothing), starts every
/// <see cref="IClusterComponent"/>, applies the declaration, and on stop cancels and awaits them all.
/// </summary>
internal sealed partial class OrchestrationRunner(
    IEnumerable<IClusterComponent> components,
    IEnumerable<DeclarationSource> declarations,
    IEnumerable<INodeProvider> nodeProviders,
    IEnumerable<IRuntimeLifecycle> lifecycles,
    IOrchestrationClient client,
    ILogger<OrchestrationRunner> logger) : IAsyncDisposable
{
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
        if (!nodeProviders.Any())
        {
            throw new InvalidOperationException(
                "No container runtime is configured: call UseInMemoryRuntime(nodes => nodes.Add(\"n1\")) or UseDocker() on the builder returned by AddOrchestration.");
        }

        _stopping = new CancellationTokenSource();
        foreach (var component in components)
        {
            _running.Add(RunComponentAsync(component, _stopping.Token));
        }

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
        foreach (var lifecycle in lifecycles)
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

    private async Task RunComponentAsync(IClusterComponent component, CancellationToken ct)
    {
        await Task.Yield();
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Orchestrator stopped")]
    private static partial void LogStopped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Component {Component} stopped with an error")]
    private static partial void LogComponentFailed(ILogger logger, Exception exception, string component);
}
