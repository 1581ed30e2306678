namespace Orchestration.Sdk.Kubernetes.Hosting;

/// <summary>Options of the Kubernetes API endpoint (<c>WithKubernetesApi</c>).</summary>
public sealed class KubernetesApiOptions
{
    /// <summary>The HTTPS port; 0 picks a free one. <value>The default value is 6443.</value></summary>
    public int Port { get; set; } = 6443;

    /// <summary>
    /// The address to listen on. Only loopback unless set wider on purpose.
    /// <value>The default value is "127.0.0.1".</value>
    /// </summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>Where to write a kubeconfig (mode 0600) once the API listens. <value>The default value is null (none written).</value></summary>
    public string? KubeconfigPath { get; set; }

    /// <summary>The context (and cluster) name in the kubeconfig. <value>The default value is null: the host's application name.</value></summary>
    public string? ContextName { get; set; }

    /// <summary>The token that may do everything. <value>The default value is null: a random token made at start.</value></summary>
    public string? AdminToken { get; set; }

    /// <summary>The token that may get, list, watch and read logs. <value>The default value is null: a random token made at start.</value></summary>
    public string? ReadOnlyToken { get; set; }

    /// <summary>
    /// Where the API's CA certificate and key are kept (owner-only files), so clients keep trusting it across restarts.
    /// <value>The default value is null: the directory of <c>StoreOptions.PersistencePath</c> when the store persists, else the CA lives in memory only.</value>
    /// </summary>
    public string? CertificateDirectory { get; set; }
}
