namespace Orchestration.Sdk.Hosting;

/// <summary>
/// A long-running part of the control plane (a controller, the scheduler, the node agents, a runtime's service proxy).
/// The hosted service starts every registered component on the thread pool when the orchestrator starts and cancels the
/// token to stop them. Register one with
/// <c>TryAddEnumerable(ServiceDescriptor.Singleton&lt;IClusterComponent, T&gt;())</c> (so registering it twice runs it once).
/// </summary>
public interface IClusterComponent
{
    /// <summary>A short name for logs ("scheduler", "service-proxy").</summary>
    string Name { get; }

    /// <summary>
    /// Runs until <paramref name="stoppingToken"/> is cancelled, then returns (or throws
    /// <see cref="OperationCanceledException"/>; both count as a clean stop). It is called once per start of the
    /// orchestrator: a host that is stopped and started again calls it again on the same instance, so it keeps no
    /// state that a second run cannot start from. Any other exception is logged as a crash of this component; the other
    /// components keep running.
    /// </summary>
    /// <param name="stoppingToken">Cancelled when the orchestrator stops.</param>
    /// <returns>A task that completes when the component has stopped.</returns>
    Task RunAsync(CancellationToken stoppingToken);
}
