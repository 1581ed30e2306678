namespace Orchestration.Sdk.Model;

/// <summary>One observed condition of an object ("Ready", "Progressing"), as Kubernetes reports them.</summary>
/// <param name="Type">The condition type.</param>
/// <param name="Status">"True", "False" or "Unknown".</param>
/// <param name="Reason">A one-word CamelCase reason.</param>
/// <param name="Message">A human-readable message.</param>
/// <param name="LastTransitionTime">When the status last changed.</param>
/// <param name="LastUpdateTime">When the condition was last updated (a Deployment's Progressing condition moves it on every bit of progress).</param>
public sealed record Condition(string Type, string Status, string? Reason = null, string? Message = null, DateTimeOffset LastTransitionTime = default, DateTimeOffset LastUpdateTime = default)
{
    /// <summary>Whether the status is "True".</summary>
    public bool IsTrue => Status == ConditionStatus.True;
}
