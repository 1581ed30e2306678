using Docker.DotNet;
using Docker.DotNet.X509;

namespace Orchestration.Sdk.Docker;

/// <summary>Builds the engine client of one engine: its endpoint, and TLS client certificates when configured.</summary>
internal static class DockerClientFactory
{
    public static DockerClient Create(Uri endpoint, DockerEngineOptions? engine)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var builder = new DockerClientBuilder().WithEndpoint(endpoint).WithTimeout(Timeout.InfiniteTimeSpan);
        if (engine?.TlsCertificateDirectory is { Length: > 0 } directory)
        {
            // cert.pem and key.pem are the client's; ca.pem, when present, is the only root the server's certificate may chain to.
            builder = builder.WithAuthProvider(DockerTlsCertificates.LoadFromDirectory(directory).CreateCredentials());
        }

        return builder.Build();
    }
}
