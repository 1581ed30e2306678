namespace Orchestration.Sdk.Runtime.Streams;

/// <summary>The output streams of a process; the values are the Kubernetes stream channel numbers.</summary>
public enum ExecOutputStream
{
    /// <summary>Standard output (channel 1).</summary>
    Stdout = 1,

    /// <summary>Standard error (channel 2).</summary>
    Stderr = 2,
}
