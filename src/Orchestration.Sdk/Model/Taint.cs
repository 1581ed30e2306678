namespace Orchestration.Sdk.Model;

/// <summary>Repels pods that do not tolerate it.</summary>
/// <param name="Key">The taint key.</param>
/// <param name="Value">The taint value.</param>
/// <param name="Effect">What happens to pods that do not tolerate it.</param>
public sealed record Taint(string Key, string Value, TaintEffect Effect)
{
    /// <summary>The taint the node lifecycle controller puts on a node that stopped heart-beating.</summary>
    public const string UnreachableKey = "node.kubernetes.io/unreachable";

    /// <summary>The taint put on a node whose runtime reports it is not ready.</summary>
    public const string NotReadyKey = "node.kubernetes.io/not-ready";

    /// <inheritdoc />
    public override string ToString() => Value.Length == 0 ? $"{Key}:{Effect}" : $"{Key}={Value}:{Effect}";
}
