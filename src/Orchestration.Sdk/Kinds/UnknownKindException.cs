namespace Orchestration.Sdk.Kinds;

/// <summary>An object of a kind no <see cref="KindRule"/> is registered for was written or looked up.</summary>
public sealed class UnknownKindException : OrchestrationException
{
    /// <summary>Creates the exception.</summary>
    public UnknownKindException()
        : this(string.Empty)
    {
    }

    /// <summary>Creates the exception for a kind.</summary>
    /// <param name="kind">The kind that is not registered.</param>
    public UnknownKindException(string kind)
        : base($"no kind \"{kind}\" is registered; register a KindRule for it in the KindRegistry")
    {
        Kind = kind;
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public UnknownKindException(string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = string.Empty;
    }

    /// <summary>The kind that is not registered. <value>The default value is empty.</value></summary>
    public string Kind { get; }
}
