namespace Orchestration.Sdk.Runtime.Streams;

/// <summary>The pod's runtime runs no processes, so there is nothing to exec into or forward to (the in-memory runtime).</summary>
public sealed class ContainerStreamingNotSupportedException : OrchestrationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was refused and why.</param>
    public ContainerStreamingNotSupportedException(string message)
        : base(message)
    {
    }
}
