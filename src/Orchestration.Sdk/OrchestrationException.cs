namespace Orchestration.Sdk;

/// <summary>The base of the errors the SDK raises on purpose.</summary>
public class OrchestrationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OrchestrationException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public OrchestrationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public OrchestrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
