namespace Orchestration.Sdk.Autoscaling;

/// <summary>How far a usage ratio may be from 1 before scaling, per direction (Kubernetes' tolerances).</summary>
/// <param name="ScaleDown">Below 1.</param>
/// <param name="ScaleUp">Above 1.</param>
internal readonly record struct Tolerance(double ScaleDown, double ScaleUp)
{
    public static Tolerance Default => new(0.1, 0.1);

    public bool IsWithin(double usageRatio) => 1.0 - ScaleDown <= usageRatio && usageRatio <= 1.0 + ScaleUp;
}
