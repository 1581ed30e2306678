namespace Orchestration.Sdk.Client;

/// <summary>The kubectl rollout verbs: status, history, undo, pause, resume. Registered by <c>AddOrchestration</c>.</summary>
public interface IRolloutClient
{
    /// <summary>Where the rollout stands now.</summary>
    /// <param name="deployment">The deployment.</param>
    /// <param name="namespace">The namespace. <value>The default value is "default".</value></param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<RolloutStatus> GetStatusAsync(string deployment, string? @namespace = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Waits until the rollout completes; reports every change of its status text to <paramref name="progress"/>.
    /// Throws <see cref="OrchestrationException"/> when the rollout exceeds its progress deadline.
    /// </summary>
    /// <param name="deployment">The deployment.</param>
    /// <param name="progress">Receives each new status. <value>The default value is null.</value></param>
    /// <param name="namespace">The namespace. <value>The default value is "default".</value></param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task<RolloutStatus> WaitAsync(string deployment, IProgress<RolloutStatus>? progress = null, string? @namespace = null, CancellationToken cancellationToken = default);

    /// <summary>The revisions kept (newest first).</summary>
    /// <param name="deployment">The deployment.</param>
    /// <param name="namespace">The namespace. <value>The default value is "default".</value></param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<RolloutRevision>> GetHistoryAsync(string deployment, string? @namespace = null, CancellationToken cancellationToken = default);

    /// <summary>Rolls back to <paramref name="toRevision"/>, or to the previous revision.</summary>
    /// <param name="deployment">The deployment.</param>
    /// <param name="toRevision">The revision. <value>The default value is null (the previous one).</value></param>
    /// <param name="namespace">The namespace. <value>The default value is "default".</value></param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The revision rolled back to.</returns>
    Task<long> UndoAsync(string deployment, long? toRevision = null, string? @namespace = null, CancellationToken cancellationToken = default);

    /// <summary>Pauses: template changes do not roll out until resumed (scaling still applies).</summary>
    /// <param name="deployment">The deployment.</param>
    /// <param name="namespace">The namespace. <value>The default value is "default".</value></param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task PauseAsync(string deployment, string? @namespace = null, CancellationToken cancellationToken = default);

    /// <summary>Resumes a paused deployment; pending template changes roll out.</summary>
    /// <param name="deployment">The deployment.</param>
    /// <param name="namespace">The namespace. <value>The default value is "default".</value></param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task ResumeAsync(string deployment, string? @namespace = null, CancellationToken cancellationToken = default);
}
