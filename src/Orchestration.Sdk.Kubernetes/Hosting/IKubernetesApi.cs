namespace Orchestration.Sdk.Kubernetes.Hosting;

/// <summary>The running Kubernetes API endpoint (registered by <c>WithKubernetesApi</c>).</summary>
public interface IKubernetesApi
{
    /// <summary>The HTTPS address clients use, once listening; null before.</summary>
    Uri? Address { get; }

    /// <summary>The kubeconfig written once the API listened; null when none was asked for.</summary>
    string? KubeconfigPath { get; }

    /// <summary>The context name written in the kubeconfig (the admin one; <c>NAME-readonly</c> is the read-only one).</summary>
    string ContextName { get; }

    /// <summary>Completes with <see cref="Address"/> once the API listens (and the kubeconfig is written).</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<Uri> WaitUntilListeningAsync(CancellationToken cancellationToken = default);
}
