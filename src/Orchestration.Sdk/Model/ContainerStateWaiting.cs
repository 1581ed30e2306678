namespace Orchestration.Sdk.Model;

/// <summary>A container that is not running yet.</summary>
/// <param name="Reason">Why: "ContainerCreating", "CrashLoopBackOff", "ErrImagePull", "CreateContainerError", ….</param>
/// <param name="Message">Details, for example "back-off 20s restarting failed container=web pod=web-abc".</param>
public sealed record ContainerStateWaiting(string Reason, string? Message = null);
