namespace Orchestration.Sdk.Docker;

/// <summary>Resolves the engine endpoint as the docker CLI does.</summary>
internal static class DockerEndpoint
{
    /// <summary>The local socket the CLI falls back to.</summary>
    public const string DefaultUnixSocket = "unix:///var/run/docker.sock";

    /// <summary>
    /// <paramref name="configured"/> when set, else the <c>DOCKER_HOST</c> environment variable, else the local socket.
    /// </summary>
    /// <param name="configured">The endpoint from the options, or null.</param>
    /// <param name="environment">Reads an environment variable (tests pass their own).</param>
    public static Uri Resolve(string? configured, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var value = !string.IsNullOrWhiteSpace(configured) ? configured
            : environment("DOCKER_HOST") is { Length: > 0 } fromEnvironment ? fromEnvironment
            : OperatingSystem.IsWindows() ? "npipe://./pipe/docker_engine" : DefaultUnixSocket;
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
            || uri.Scheme is not ("unix" or "tcp" or "http" or "https" or "npipe"))
        {
            throw new ArgumentException(
                $"Docker endpoint '{value}' is not valid: expected unix:///path, tcp://host:port or npipe://./pipe/name.",
                nameof(configured));
        }

        return uri;
    }
}
