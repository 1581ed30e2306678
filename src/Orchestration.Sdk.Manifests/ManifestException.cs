namespace Orchestration.Sdk.Manifests;

/// <summary>
/// Manifests (or a Compose file) could not be read: a YAML error, an unknown kind or field, a field the SDK does not
/// support, or a value the same validation as the fluent API refuses. Nothing was added to the declaration. <see cref="Problems"/> lists
/// every problem found; the message has one per line, each naming the file, the document and the field path.
/// </summary>
public sealed class ManifestException : OrchestrationException
{
    /// <summary>Creates the exception.</summary>
    public ManifestException()
        : this("The manifests are invalid.")
    {
    }

    /// <summary>Creates the exception with a message and no listed problems.</summary>
    /// <param name="message">The message.</param>
    public ManifestException(string message)
        : base(message)
    {
        Problems = [];
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ManifestException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    /// <summary>Creates the exception for a list of problems.</summary>
    /// <param name="problems">The problems; the message lists them one per line.</param>
    public ManifestException(IEnumerable<ManifestProblem> problems)
        : this(Materialize(problems))
    {
    }

    private ManifestException(ManifestProblem[] problems)
        : base(string.Join('\n', problems.Select(p => p.ToString())))
    {
        Problems = problems;
    }

    /// <summary>Every problem found, in source and document order. <value>The default value is empty (when created from a message only).</value></summary>
    public IReadOnlyList<ManifestProblem> Problems { get; }

    private static ManifestProblem[] Materialize(IEnumerable<ManifestProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return [.. problems];
    }
}
