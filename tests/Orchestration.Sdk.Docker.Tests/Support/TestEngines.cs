using System.Diagnostics;

namespace Orchestration.Sdk.Docker.Tests.Support;

/// <summary>
/// The extra engines <c>scripts/engines.sh up N</c> starts, each in its own network namespace: their endpoints come
/// from ORCHESTRATION_TEST_ENGINES (comma-separated, as <c>scripts/engines.sh env N</c> prints them), and a test may
/// stop and start an engine's daemon through the script. ORCHESTRATION_REQUIRE_ENGINES=1 (set by .ci/run) turns a
/// missing engine from a skip into a failure.
/// </summary>
internal static class TestEngines
{
    public static bool IsRequired => Environment.GetEnvironmentVariable("ORCHESTRATION_REQUIRE_ENGINES") == "1";

    /// <summary>The configured engines' endpoints, engine 1 first.</summary>
    public static IReadOnlyList<string> Endpoints { get; } =
        (Environment.GetEnvironmentVariable("ORCHESTRATION_TEST_ENGINES") ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The Podman service's endpoint (ORCHESTRATION_TEST_PODMAN, as <c>scripts/engines.sh podman-env</c> prints it), or null.</summary>
    public static string? Podman { get; } = Environment.GetEnvironmentVariable("ORCHESTRATION_TEST_PODMAN") is { Length: > 0 } podman ? podman : null;

    /// <summary>An engine's TLS listener (ORCHESTRATION_TEST_TLS_ENGINE, from <c>scripts/engines.sh tls-env I</c>), or null.</summary>
    public static string? TlsEngine { get; } = Environment.GetEnvironmentVariable("ORCHESTRATION_TEST_TLS_ENGINE") is { Length: > 0 } tls ? tls : null;

    /// <summary>The directory of a client certificate that <see cref="TlsEngine"/> accepts (ORCHESTRATION_TEST_TLS_CERTS), or null.</summary>
    public static string? TlsCertificates { get; } = Environment.GetEnvironmentVariable("ORCHESTRATION_TEST_TLS_CERTS") is { Length: > 0 } certs ? certs : null;

    /// <summary>Null when at least <paramref name="count"/> engines are configured, else why not.</summary>
    public static string? UnavailableReason(int count) => Endpoints.Count >= count
        ? null
        : $"needs {count} extra engine(s) in ORCHESTRATION_TEST_ENGINES (found {Endpoints.Count}): run `sudo scripts/engines.sh up {count}` "
            + $"and export what `scripts/engines.sh env {count}` prints; set ORCHESTRATION_REQUIRE_ENGINES=1 to make this a failure";

    /// <summary>Endpoint of engine <paramref name="engine"/> (1-based); fails with the set-up hint when it is not configured.</summary>
    public static string Endpoint(int engine) =>
        engine <= Endpoints.Count ? Endpoints[engine - 1] : throw new InvalidOperationException(UnavailableReason(engine));

    /// <summary>Stops engine <paramref name="engine"/>'s daemon (SIGTERM, as a service manager does; it stops its containers).</summary>
    public static Task StopAsync(int engine) => RunScriptAsync("stop", engine);

    /// <summary>Starts engine <paramref name="engine"/>'s daemon again and waits until it answers.</summary>
    public static Task StartAsync(int engine) => RunScriptAsync("start", engine);

    private static async Task RunScriptAsync(string verb, int engine)
    {
        var script = Path.Combine(RepositoryRoot(), "scripts", "engines.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script, verb, engine.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"engines.sh {verb} {engine} exited {process.ExitCode}: {await output}{await error}");
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Orchestration.Sdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Orchestration.Sdk.sln above {AppContext.BaseDirectory}");
    }
}

/// <summary>
/// A test that needs <see cref="Count"/> extra engines (<see cref="TestEngines"/>). Skipped, with the set-up hint,
/// when they are not configured, unless ORCHESTRATION_REQUIRE_ENGINES=1: then it runs and fails.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class EngineFactAttribute : FactAttribute
{
    public EngineFactAttribute(int count = 1)
    {
        Count = count;
        if (!TestEngines.IsRequired && TestEngines.UnavailableReason(count) is { } reason)
        {
            Skip = reason;
        }
    }

    /// <summary>How many extra engines the test needs.</summary>
    public int Count { get; }
}

/// <summary>
/// A test that needs engine 1 and the Podman service (<see cref="TestEngines.Podman"/>), or with <c>tls</c> an engine's
/// TLS listener and a client certificate (<see cref="TestEngines.TlsEngine"/>). Skipped, with the set-up hint,
/// when they are not configured, unless ORCHESTRATION_REQUIRE_ENGINES=1: then it runs and fails.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ExtraEngineFactAttribute : FactAttribute
{
    public ExtraEngineFactAttribute(bool tls = false)
    {
        var missing = tls
            ? TestEngines.TlsEngine is null || TestEngines.TlsCertificates is null
                ? "needs an engine's TLS listener in ORCHESTRATION_TEST_TLS_ENGINE and ORCHESTRATION_TEST_TLS_CERTS: export what `scripts/engines.sh tls-env 2` prints"
                : null
            : TestEngines.Podman is null
                ? "needs a Podman service in ORCHESTRATION_TEST_PODMAN: run `sudo scripts/engines.sh podman` and export what `scripts/engines.sh podman-env` prints"
                : null;
        if (!TestEngines.IsRequired && (TestEngines.UnavailableReason(1) ?? missing) is { } reason)
        {
            Skip = reason;
        }
    }
}
