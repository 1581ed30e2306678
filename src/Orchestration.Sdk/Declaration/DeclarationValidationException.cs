namespace Orchestration.Sdk.Declaration;

/// <summary>
/// A declaration (or an object given to the client) is invalid. Nothing was applied. <see cref="Errors"/> lists every
/// problem at once; the message has one per line.
/// </summary>
public sealed class DeclarationValidationException : OrchestrationException
{
    /// <summary>Creates the exception.</summary>
    public DeclarationValidationException()
        : this("The declaration is invalid.")
    {
    }

    /// <summary>Creates the exception with a message and no field errors.</summary>
    /// <param name="message">The message.</param>
    public DeclarationValidationException(string message)
        : base(message)
    {
        Errors = [];
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public DeclarationValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    /// <summary>Creates the exception for a list of errors.</summary>
    /// <param name="errors">The problems found; the message lists them one per line.</param>
    public DeclarationValidationException(IEnumerable<ValidationError> errors)
        : this(Materialize(errors))
    {
    }

    private DeclarationValidationException(ValidationError[] errors)
        : base(FormatMessage(errors))
    {
        Errors = errors;
    }

    /// <summary>Every problem found. <value>The default value is empty (when created from a message only).</value></summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    private static ValidationError[] Materialize(IEnumerable<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return [.. errors];
    }

    private static string FormatMessage(ValidationError[] errors)
    {
        var noun = errors.Length == 1 ? "error" : "errors";
        return $"The declaration is invalid ({errors.Length} {noun}):\n" + string.Join('\n', errors.Select(e => e.ToString()));
    }
}
