namespace Orchestration.Sdk.Model;

/// <summary>An exec probe: the command runs in the container (not in a shell); exit code 0 is a success.</summary>
public sealed record ExecAction
{
    /// <summary>The command and its arguments. <value>The default value is empty.</value></summary>
    public IReadOnlyList<string> Command { get; init => field = ValueCollections.List(value); } = ValueList<string>.Empty;
}
