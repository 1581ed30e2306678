namespace Orchestration.Sdk.Model;

/// <summary>When the node agent restarts a container that exited, as Kubernetes' pod restartPolicy.</summary>
public enum RestartPolicy
{
    /// <summary>Restart on any exit (the default; the only value allowed in a Deployment).</summary>
    Always,

    /// <summary>Restart only on a non-zero exit code.</summary>
    OnFailure,

    /// <summary>Never restart.</summary>
    Never,
}
