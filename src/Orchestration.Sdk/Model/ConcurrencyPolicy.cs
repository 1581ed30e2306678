namespace Orchestration.Sdk.Model;

/// <summary>How a CronJob treats a run that is due while an earlier one is still active.</summary>
public enum ConcurrencyPolicy
{
    /// <summary>Runs may overlap.</summary>
    Allow,

    /// <summary>The new run is skipped while one is active.</summary>
    Forbid,

    /// <summary>The active runs are deleted and the new one starts.</summary>
    Replace,
}
