namespace Orchestration.Sdk.Runtime.Probes;

/// <summary>The outcome of one probe.</summary>
/// <param name="Succeeded">Whether the probe passed.</param>
/// <param name="Output">Why it failed (Kubernetes' probe output), or null.</param>
public sealed record ProbeResult(bool Succeeded, string? Output = null)
{
    /// <summary>A passed probe.</summary>
    public static ProbeResult Success { get; } = new(true);

    /// <summary>A failed probe.</summary>
    /// <param name="output">Why it failed, for example "HTTP probe failed with statuscode: 500".</param>
    /// <returns>The result.</returns>
    public static ProbeResult Failure(string output) => new(false, output);
}
