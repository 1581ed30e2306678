using Docker.DotNet;

namespace Orchestration.Sdk.Docker.Tests.Support;

/// <summary>Whether a Docker engine answers, and whether the run requires one (ORCHESTRATION_REQUIRE_DOCKER=1).</summary>
internal static class DockerEnvironment
{
    private static readonly Lazy<string?> LazyUnavailableReason = new(Probe);

    /// <summary>True when ORCHESTRATION_REQUIRE_DOCKER=1: Docker tests then fail instead of being skipped.</summary>
    public static bool IsRequired => Environment.GetEnvironmentVariable("ORCHESTRATION_REQUIRE_DOCKER") == "1";

    /// <summary>Null when the engine answers, else why not.</summary>
    public static string? UnavailableReason => LazyUnavailableReason.Value;

    public static Uri Endpoint => DockerEndpoint.Resolve(null);

    private static string? Probe()
    {
        try
        {
            using var client = new DockerClientBuilder().WithEndpoint(Endpoint).Build();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            client.System.PingAsync(timeout.Token).GetAwaiter().GetResult();
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return $"no Docker engine answers at {Endpoint} ({e.GetBaseException().Message}); "
                + "set ORCHESTRATION_REQUIRE_DOCKER=1 to make this a failure";
        }
    }
}
