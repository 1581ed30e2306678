namespace Orchestration.Sdk.Model;

/// <summary>How a toleration compares a taint's value.</summary>
public enum TolerationOperator
{
    /// <summary>Key and value must be equal.</summary>
    Equal,

    /// <summary>Only the key must match (any value).</summary>
    Exists,
}
