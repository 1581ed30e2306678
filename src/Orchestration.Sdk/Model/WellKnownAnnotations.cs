namespace Orchestration.Sdk.Model;

/// <summary>
/// The annotations the SDK reads or writes on objects, all under its one prefix <see cref="Prefix"/> (a DNS subdomain,
/// as Kubernetes' <c>kubernetes.io/</c>). Container labels on a runtime are a separate, reverse-DNS namespace: see
/// <see cref="Runtime.RuntimeLabels"/>.
/// </summary>
public static class WellKnownAnnotations
{
    /// <summary>The prefix of every annotation and label key the SDK defines: <c>orchestration.io/</c>.</summary>
    public const string Prefix = "orchestration.io/";

    /// <summary>
    /// On a Deployment: "true" opts it in to rolling out when a ConfigMap or Secret its pods refer to is modified
    /// (set by <c>WithRolloutOnConfigChange()</c>).
    /// </summary>
    public const string RolloutOnConfigChange = Prefix + "rollout-on-config-change";

    /// <summary>
    /// On a Deployment's pod template: the resourceVersions of the changed ConfigMaps and Secrets that rolled it,
    /// for example <c>configmap/web-settings=12</c>.
    /// </summary>
    public const string ConfigVersions = Prefix + "config-versions";

    /// <summary>On a Deployment: the template hashes whose rollout failed; an automatic rollback never returns to them.</summary>
    public const string FailedTemplates = Prefix + "failed-templates";

    /// <summary>On a Deployment: the last automatic rollback and why.</summary>
    public const string AutoRollback = Prefix + "auto-rollback";

    /// <summary>
    /// On every applied object but Secrets: what the declaration said when it was last applied (JSON), so the next
    /// apply merges three ways and keeps live changes to fields the declaration did not change, as
    /// <c>kubectl.kubernetes.io/last-applied-configuration</c>.
    /// </summary>
    public const string LastApplied = Prefix + "last-applied";
}
