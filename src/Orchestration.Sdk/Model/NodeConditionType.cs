namespace Orchestration.Sdk.Model;

/// <summary>Node condition types.</summary>
public static class NodeConditionType
{
    /// <summary>The node agent is healthy and heart-beating.</summary>
    public const string Ready = "Ready";
}
