namespace Orchestration.Sdk.Declaration;

/// <summary>
/// One problem found by validation, as Kubernetes reports a field error: the path of the field and what is wrong
/// with it, in Kubernetes' words.
/// </summary>
/// <param name="Field">
/// The field path, rooted at the object: <c>deployments[web].spec.replicas</c>,
/// <c>pods[db].spec.containers[0].image</c>.
/// </param>
/// <param name="Message">
/// The error type, the offending value when there is one, and the rule:
/// <c>Invalid value: -1: must be greater than or equal to 0</c>, <c>Required value</c>, <c>Duplicate value: "web"</c>.
/// </param>
public sealed record ValidationError(string Field, string Message)
{
    /// <summary>The error as Kubernetes prints it: <c>Field: Message</c>.</summary>
    public override string ToString() => $"{Field}: {Message}";
}
