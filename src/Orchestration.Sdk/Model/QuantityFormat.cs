namespace Orchestration.Sdk.Model;

/// <summary>The suffix family of a <see cref="Quantity"/>, as in Kubernetes.</summary>
public enum QuantityFormat
{
    /// <summary>Decimal suffixes: n, u, m, (none), k, M, G, T, P, E.</summary>
    DecimalSI,

    /// <summary>Binary suffixes: Ki, Mi, Gi, Ti, Pi, Ei.</summary>
    BinarySI,

    /// <summary>Exponent notation: 1e3, 5E-3.</summary>
    DecimalExponent,
}
