namespace Orchestration.Sdk.Hosting;

/// <summary>
/// A long-running part of the control plane (a controller, the scheduler, the node agents). The hosted service
/// starts every registered component and cancels the token to stop them; <see cref="RunAsync"/> returns once stopped.
/// </summary>
internal interface IClusterComponent
{
    /// <summary>A name for logs.</summary>
    string Name { get; }

    /// <summary>Runs until <paramref name="stoppingToken"/> is cancelled.</summary>
    Task RunAsync(CancellationToken stoppingToken);
}
