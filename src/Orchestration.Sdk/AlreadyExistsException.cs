using Orchestration.Sdk.Model;

namespace Orchestration.Sdk;

/// <summary>An object with that kind, namespace and name already exists.</summary>
public sealed class AlreadyExistsException : OrchestrationException
{
    /// <summary>Creates the exception.</summary>
    public AlreadyExistsException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public AlreadyExistsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public AlreadyExistsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an object.</summary>
    /// <param name="key">The object.</param>
    /// <param name="message">The message.</param>
    public AlreadyExistsException(ObjectKey key, string message)
        : base(message)
    {
        Key = key;
    }

    /// <summary>The object concerned, when known.</summary>
    public ObjectKey? Key { get; }
}
