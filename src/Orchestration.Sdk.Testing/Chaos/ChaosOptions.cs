namespace Orchestration.Sdk.Testing.Chaos;

/// <summary>What a chaos run does: how many faults, from which seed, and how long the app may take to converge.</summary>
public sealed class ChaosOptions
{
    /// <summary>How many faults are injected. <value>The default value is 200.</value></summary>
    public int Faults { get; set; } = 200;

    /// <summary>The seed of the fault sequence: the same seed injects the same faults in the same order. <value>The default value is 1.</value></summary>
    public int Seed { get; set; } = 1;

    /// <summary>Simulated time the app has, once the faults stop, to reach its declared state. <value>The default value is 10 minutes.</value></summary>
    public TimeSpan ConvergenceLimit { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Real time one step may wait for the control loops to settle. <value>The default value is 30 seconds.</value></summary>
    public TimeSpan StepTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
