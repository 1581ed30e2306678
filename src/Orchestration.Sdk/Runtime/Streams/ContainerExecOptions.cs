namespace Orchestration.Sdk.Runtime.Streams;

/// <summary>The command to run in a container and the streams to attach (the query of <c>pods/{name}/exec</c>).</summary>
public sealed record ContainerExecOptions
{
    /// <summary>The command and its arguments; it must not be empty.</summary>
    /// <value>The default value is an empty list.</value>
    public IReadOnlyList<string> Command { get; init; } = [];

    /// <summary>Attach the process's standard input.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool Stdin { get; init; }

    /// <summary>Attach its standard output.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Stdout { get; init; } = true;

    /// <summary>Attach its standard error (never separate with <see cref="Tty"/>: a terminal merges it into stdout).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Stderr { get; init; } = true;

    /// <summary>Run the process on a terminal.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool Tty { get; init; }
}
