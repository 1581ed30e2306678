namespace Orchestration.Sdk.Model;

/// <summary>A container that exited.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Reason">"Completed" for code 0, "Error" otherwise, "OOMKilled" when the memory limit killed it.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="FinishedAt">When it exited.</param>
/// <param name="Message">Details. <value>The default value is null.</value></param>
public sealed record ContainerStateTerminated(int ExitCode, string Reason, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, string? Message = null);
