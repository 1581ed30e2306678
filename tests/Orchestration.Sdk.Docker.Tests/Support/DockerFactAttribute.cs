namespace Orchestration.Sdk.Docker.Tests.Support;

/// <summary>
/// A test against the real engine. Skipped, with the reason, when no engine answers, unless the run requires Docker
/// (ORCHESTRATION_REQUIRE_DOCKER=1, as .ci/run sets): then it runs and fails with the engine error.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class DockerFactAttribute : FactAttribute
{
    public DockerFactAttribute()
    {
        if (!DockerEnvironment.IsRequired && DockerEnvironment.UnavailableReason is { } reason)
        {
            Skip = reason;
        }
    }
}
