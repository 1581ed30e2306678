namespace Orchestration.Sdk.Kubernetes.Patching;

/// <summary>The media types of a Kubernetes PATCH request that <see cref="PatchApplier"/> accepts.</summary>
public static class PatchContentTypes
{
    /// <summary>An RFC 6902 JSON patch: a list of operations (what <c>kubectl rollout undo</c> sends).</summary>
    public const string JsonPatch = "application/json-patch+json";

    /// <summary>An RFC 7386 JSON merge patch (what <c>kubectl label</c>, <c>annotate</c> and <c>scale</c> send).</summary>
    public const string MergePatch = "application/merge-patch+json";

    /// <summary>A Kubernetes strategic merge patch (what <c>kubectl apply</c>, <c>set image</c> and <c>rollout</c> send).</summary>
    public const string StrategicMergePatch = "application/strategic-merge-patch+json";

    /// <summary>
    /// A server-side apply configuration, YAML or JSON (what <c>kubectl apply --server-side</c> and
    /// KubernetesClient's <c>V1Patch.PatchType.ApplyPatch</c> send). The SDK's API merges it as a strategic merge
    /// patch and creates the object when it is absent; see docs/manifests.md for what is simplified.
    /// </summary>
    public const string ApplyPatch = "application/apply-patch+yaml";
}
