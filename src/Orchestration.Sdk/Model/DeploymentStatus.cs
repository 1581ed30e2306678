namespace Orchestration.Sdk.Model;

/// <summary>The observed state of a Deployment.</summary>
public sealed record DeploymentStatus
{
    /// <summary>The generation the controller last acted on.</summary>
    public long ObservedGeneration { get; init; }

    /// <summary>Pods owned by the deployment's ReplicaSets (not terminating).</summary>
    public int Replicas { get; init; }

    /// <summary>Pods running the current template.</summary>
    public int UpdatedReplicas { get; init; }

    /// <summary>Pods whose Ready condition is True.</summary>
    public int ReadyReplicas { get; init; }

    /// <summary>Ready pods (minReadySeconds is 0 until rollouts add it).</summary>
    public int AvailableReplicas { get; init; }

    /// <summary>Conditions such as Available.</summary>
    public IReadOnlyList<Condition> Conditions { get; init => field = ValueCollections.List(value); } = ValueList<Condition>.Empty;
}
