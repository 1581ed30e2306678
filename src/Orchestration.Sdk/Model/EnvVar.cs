namespace Orchestration.Sdk.Model;

/// <summary>An environment variable of a container.</summary>
/// <param name="Name">The variable's name.</param>
/// <param name="Value">Its value.</param>
public sealed record EnvVar(string Name, string Value)
{
    /// <summary>
    /// Takes the value from a ConfigMap or Secret key instead of <see cref="Value"/> (which is then empty); resolved by
    /// the node agent when it creates the container, so the pod spec holds only the reference.
    /// <value>The default value is null (the literal <see cref="Value"/>).</value>
    /// </summary>
    public Configuration.EnvVarSource? ValueFrom { get; init; }
}
