namespace Orchestration.Sdk.Model;

/// <summary>Deployment condition types, as Kubernetes'.</summary>
public static class DeploymentConditionType
{
    /// <summary>At least replicas − maxUnavailable pods are available.</summary>
    public const string Available = "Available";

    /// <summary>The rollout is progressing (True), complete (True, reason NewReplicaSetAvailable), or failed (False, reason ProgressDeadlineExceeded).</summary>
    public const string Progressing = "Progressing";
}
