namespace Orchestration.Sdk.Model;

/// <summary>An environment variable of a container.</summary>
/// <param name="Name">The variable's name.</param>
/// <param name="Value">Its value.</param>
public sealed record EnvVar(string Name, string Value);
