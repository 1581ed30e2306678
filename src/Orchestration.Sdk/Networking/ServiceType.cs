namespace Orchestration.Sdk.Networking;

/// <summary>How a service is exposed, as Kubernetes' service types.</summary>
public enum ServiceType
{
    /// <summary>Reachable only inside the app, at its cluster IP and by name (Kubernetes' default).</summary>
    ClusterIP,

    /// <summary>Also reachable from the host on a stable port per service port (Kubernetes' NodePort).</summary>
    NodePort,
}
