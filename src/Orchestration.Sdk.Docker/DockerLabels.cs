namespace Orchestration.Sdk.Docker;

/// <summary>Labels the Docker runtime adds to <see cref="Runtime.RuntimeLabels"/> on what it creates.</summary>
internal static class DockerLabels
{
    /// <summary>The session (host process) that created the object; see <see cref="DockerSession"/>.</summary>
    public const string Session = "io.orchestration.docker.session";

    /// <summary>The <see cref="DockerLifetime"/> the object was created under.</summary>
    public const string Lifetime = "io.orchestration.docker.lifetime";

    /// <summary>On an app container: the sandbox whose network namespace it joined.</summary>
    public const string SandboxId = "io.orchestration.docker.sandbox-id";
}
