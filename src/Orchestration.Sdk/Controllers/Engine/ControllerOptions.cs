namespace Orchestration.Sdk.Controllers.Engine;

/// <summary>Options shared by the built-in controllers' reconcile engine.</summary>
public sealed class ControllerOptions
{
    /// <summary>Reconciles that may run at once per controller (distinct keys only). <value>The default value is 2.</value></summary>
    public int MaxConcurrentReconciles { get; set; } = 2;

    /// <summary>The first retry delay after a failed reconcile; doubles per failure of the same key.
    /// <value>The default value is 5 milliseconds, as controller-runtime.</value></summary>
    public TimeSpan ErrorBackoffBase { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>The longest retry delay after failures. <value>The default value is 1000 seconds, as controller-runtime.</value></summary>
    public TimeSpan ErrorBackoffMax { get; set; } = TimeSpan.FromSeconds(1000);

    /// <summary>How often every object is reconciled again even without a change (level-based safety net).
    /// <value>The default value is 10 minutes.</value></summary>
    public TimeSpan ResyncPeriod { get; set; } = TimeSpan.FromMinutes(10);
}
