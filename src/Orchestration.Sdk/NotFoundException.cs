using Orchestration.Sdk.Model;

namespace Orchestration.Sdk;

/// <summary>The object does not exist.</summary>
public sealed class NotFoundException : OrchestrationException
{
    /// <summary>Creates the exception.</summary>
    public NotFoundException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public NotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public NotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an object.</summary>
    /// <param name="key">The object.</param>
    /// <param name="message">The message.</param>
    public NotFoundException(ObjectKey key, string message)
        : base(message)
    {
        Key = key;
    }

    /// <summary>The object concerned, when known.</summary>
    public ObjectKey? Key { get; }
}
