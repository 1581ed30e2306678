using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Kinds.Custom;

namespace CustomKind;

/// <summary>What a website should be: the image it serves, how many replicas, and the port it listens on.</summary>
/// <param name="Image">The container image.</param>
/// <param name="Replicas">How many pods serve it; 0 or more.</param>
/// <param name="Port">The port the container listens on and the service exposes; 1 to 65535.</param>
public sealed record WebsiteSpec(string Image, int Replicas, int Port);

/// <summary>What the reconciler observed.</summary>
public sealed record WebsiteStatus
{
    /// <summary>Gets the ready pods of the website's deployment.</summary>
    public int ReadyReplicas { get; init; }

    /// <summary>Gets the service's address, once it has a cluster IP.</summary>
    public string? Url { get; init; }
}

/// <summary>The custom kind: a record with a spec and a status, stored, watched and collected like a built-in kind.</summary>
public sealed record Website : CustomResource<WebsiteSpec, WebsiteStatus>
{
    /// <summary>The kind's validation, run by the store on every create and update, whoever writes.</summary>
    /// <param name="site">The website written.</param>
    /// <param name="spec">The spec's field path, such as <c>websites[shop].spec</c>.</param>
    /// <returns>The field errors; none when valid.</returns>
    public static IEnumerable<ValidationError> Validate(Website site, string spec)
    {
        ArgumentNullException.ThrowIfNull(site);
        if (string.IsNullOrWhiteSpace(site.Spec.Image))
        {
            yield return new ValidationError($"{spec}.image", "must not be empty");
        }

        if (site.Spec.Replicas < 0)
        {
            yield return new ValidationError($"{spec}.replicas", "must be greater than or equal to 0");
        }

        if (site.Spec.Port is < 1 or > 65535)
        {
            yield return new ValidationError($"{spec}.port", "must be between 1 and 65535");
        }
    }
}
