namespace Orchestration.Sdk.Runtime.Probes;

/// <summary>Which of a container's probes.</summary>
public enum ProbeKind
{
    /// <summary>The liveness probe: failing restarts the container.</summary>
    Liveness,

    /// <summary>The readiness probe: drives the container's Ready flag and the pod's Ready condition.</summary>
    Readiness,

    /// <summary>The startup probe: holds off the other two until it succeeds; failing restarts the container.</summary>
    Startup,
}
