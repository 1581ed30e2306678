namespace Orchestration.Sdk.Runtime;

/// <summary>A container engine call failed.</summary>
public sealed class ContainerRuntimeException : OrchestrationException
{
    /// <summary>Creates the exception.</summary>
    public ContainerRuntimeException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public ContainerRuntimeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ContainerRuntimeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A short reason for the pod status ("ErrImagePull", "CreateContainerError", "RuntimeUnavailable").
    /// <value>The default value is "RuntimeError".</value></summary>
    public string Reason { get; init; } = "RuntimeError";
}
