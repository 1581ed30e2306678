namespace Orchestration.Sdk.Model;

/// <summary>Exactly one of waiting, running or terminated, as Kubernetes' ContainerState.</summary>
public sealed record ContainerState
{
    /// <summary>Not running yet, with a reason ("ContainerCreating", "CrashLoopBackOff", "ErrImagePull").</summary>
    public ContainerStateWaiting? Waiting { get; init; }

    /// <summary>Running since a time.</summary>
    public ContainerStateRunning? Running { get; init; }

    /// <summary>Exited with a code.</summary>
    public ContainerStateTerminated? Terminated { get; init; }

    /// <summary>A waiting state.</summary>
    /// <param name="reason">The reason.</param>
    /// <param name="message">An optional message.</param>
    public static ContainerState WaitingFor(string reason, string? message = null) => new() { Waiting = new(reason, message) };

    /// <summary>A running state.</summary>
    /// <param name="startedAt">When it started.</param>
    public static ContainerState RunningSince(DateTimeOffset startedAt) => new() { Running = new(startedAt) };

    /// <inheritdoc />
    public override string ToString() =>
        Running is not null ? "Running" :
        Terminated is not null ? $"Terminated({Terminated.Reason}, exit code {Terminated.ExitCode})" :
        $"Waiting({Waiting?.Reason})";
}
