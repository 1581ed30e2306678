namespace Orchestration.Sdk.Hosting;

/// <summary>
/// Lets a runtime act when the orchestrator stops, after every <see cref="IClusterComponent"/> has stopped (for example
/// to remove containers whose lifetime ends with the host, as the Docker runtime's <c>RemoveOnShutdown</c> lifetime does).
/// Register any number with <c>TryAddEnumerable(ServiceDescriptor.Singleton&lt;IRuntimeLifecycle, T&gt;())</c>; the hosted
/// service calls each once per stop, one after the other in registration order, after the store was flushed.
/// </summary>
public interface IRuntimeLifecycle
{
    /// <summary>
    /// Called when the orchestrator starts, before any component runs or anything is applied. An exception fails the
    /// host's start with it (the Docker runtime refuses an app name a live host already runs).
    /// <value>The default implementation does nothing.</value>
    /// </summary>
    /// <param name="cancellationToken">The host's start token.</param>
    /// <returns>A task that completes when the runtime is ready to be used.</returns>
    Task OnStartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Called once when the orchestrator has stopped. It must be idempotent: a host that is stopped, started and stopped
    /// again calls it twice, and the runtime must stay usable afterwards (a restarted orchestrator creates what it needs
    /// again). It should not throw: an exception ends the host's stop there (the lifecycles registered after it do not
    /// run), so log a failure to clean up and return, as the Docker runtime does.
    /// </summary>
    /// <param name="cancellationToken">The host's shutdown token: cancelled when the host's shutdown timeout is over.</param>
    /// <returns>A task that completes when the runtime has done its stop work.</returns>
    Task OnStoppedAsync(CancellationToken cancellationToken);
}
