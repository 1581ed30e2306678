using Orchestration.Sdk.Model;

namespace Orchestration.Sdk;

/// <summary>A write carried a stale resourceVersion: the object changed since it was read. Read it again and retry.</summary>
public sealed class ConflictException : OrchestrationException
{
    /// <summary>Creates the exception.</summary>
    public ConflictException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public ConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an object.</summary>
    /// <param name="key">The object.</param>
    /// <param name="message">The message.</param>
    public ConflictException(ObjectKey key, string message)
        : base(message)
    {
        Key = key;
    }

    /// <summary>The object concerned, when known.</summary>
    public ObjectKey? Key { get; }
}
