namespace Orchestration.Sdk.Manifests.Publishing;

/// <summary>How <see cref="ManifestPublisher"/> applies a declaration to a Kubernetes cluster.</summary>
public sealed record ManifestPublishOptions
{
    /// <summary>
    /// The app's name: the server-side apply field manager, and the value of the
    /// <see cref="ManifestPublisher.InstanceLabel"/> label that marks the app's objects for pruning. A Kubernetes label
    /// value: 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit.
    /// <value>The default value is empty, which is invalid: it must be set.</value>
    /// </summary>
    public string AppName { get; init; } = string.Empty;

    /// <summary>
    /// The kubeconfig context to use. <value>The default value is null: the kubeconfig's current context.</value>
    /// </summary>
    public string? Context { get; init; }

    /// <summary>
    /// Whether server-side apply takes over fields another field manager owns (<c>force=true</c>, as
    /// <c>kubectl apply --server-side --force-conflicts</c>): the declaration is the source of truth. When false, a
    /// conflict fails the publish with the server's 409. <value>The default value is true.</value>
    /// </summary>
    public bool Force { get; init; } = true;

    /// <summary>
    /// Whether objects of the app (carrying its <see cref="ManifestPublisher.InstanceLabel"/> and
    /// <see cref="ManifestPublisher.ManagedByLabel"/>) that the declaration no longer declares are deleted. Only the
    /// kinds a declaration exports are considered, and never an object a controller owns.
    /// <value>The default value is true.</value>
    /// </summary>
    public bool Prune { get; init; } = true;

    /// <summary>
    /// Whether Secrets are applied with their values (sent over the kubeconfig's connection, never written to disk).
    /// When false, Secrets are neither applied nor pruned: manage them with <c>kubectl create secret</c> or a secret
    /// store. <value>The default value is true.</value>
    /// </summary>
    public bool ApplySecrets { get; init; } = true;

    /// <summary>
    /// Whether to wait, after applying, until every declared Deployment has rolled out (observed generation, updated
    /// and available replicas, no old replicas left) and every RollingUpdate StatefulSet has (observed generation, every
    /// replica ready, every pod at the update revision or above the partition), as <c>kubectl rollout status</c>.
    /// <value>The default value is true.</value>
    /// </summary>
    public bool WaitForRollouts { get; init; } = true;

    /// <summary>
    /// How long to wait for all rollouts; then the publish fails with a <see cref="TimeoutException"/> saying what
    /// each unfinished Deployment last reported. Must be positive. <value>The default value is 5 minutes.</value>
    /// </summary>
    public TimeSpan RolloutTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often rollouts are checked while waiting. Must be positive. <value>The default value is 1 second.</value></summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The clock of the rollout wait (tests pass a <c>FakeTimeProvider</c>). <value>The default value is <see cref="TimeProvider.System"/>.</value></summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
