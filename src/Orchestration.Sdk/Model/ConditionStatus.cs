namespace Orchestration.Sdk.Model;

/// <summary>The three condition statuses.</summary>
public static class ConditionStatus
{
    /// <summary>The condition holds.</summary>
    public const string True = "True";

    /// <summary>The condition does not hold.</summary>
    public const string False = "False";

    /// <summary>The condition cannot be determined (a node that stopped reporting).</summary>
    public const string Unknown = "Unknown";
}
