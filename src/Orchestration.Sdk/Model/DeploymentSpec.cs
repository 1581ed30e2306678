namespace Orchestration.Sdk.Model;

/// <summary>The desired state of a Deployment.</summary>
public sealed record DeploymentSpec
{
    /// <summary>How many pods. <value>The default value is 1.</value></summary>
    public int Replicas { get; init; } = 1;

    /// <summary>Which pods belong to the deployment; must match the template's labels.</summary>
    public LabelSelector Selector { get; init; } = new();

    /// <summary>The pods to create.</summary>
    public PodTemplateSpec Template { get; init; } = new();

    /// <summary>How many old ReplicaSets to keep for rollback. <value>The default value is 10.</value></summary>
    public int RevisionHistoryLimit { get; init; } = 10;

    /// <summary>How pods of a new template replace the old ones. <value>The default value is a rolling update with 25 % surge and 25 % unavailable.</value></summary>
    public DeploymentStrategy Strategy { get; init; } = new();

    /// <summary>Seconds a new pod must be Ready before it counts as available. <value>The default value is 0.</value></summary>
    public int MinReadySeconds { get; init; }

    /// <summary>Seconds without progress before the rollout is reported failed (Progressing=False, ProgressDeadlineExceeded).
    /// <value>The default value is 600.</value></summary>
    public int ProgressDeadlineSeconds { get; init; } = 600;

    /// <summary>While paused, template changes do not roll out (scaling still applies). <value>The default value is false.</value></summary>
    public bool Paused { get; init; }

    /// <summary>
    /// Beyond Kubernetes (as Nomad's auto_revert and Swarm's rollback failure action): when a rollout fails — its progress
    /// deadline passes, or a new pod crash-loops (3 restarts) — roll back to the previous revision automatically.
    /// <value>The default value is false.</value>
    /// </summary>
    public bool AutoRollback { get; init; }
}
