namespace Orchestration.Sdk.Hosting;

/// <summary>
/// Lets a runtime act when the orchestrator stops, after every component has stopped (for example to remove
/// containers whose lifetime ends with the host).
/// </summary>
internal interface IRuntimeLifecycle
{
    Task OnStoppedAsync(CancellationToken cancellationToken);
}
