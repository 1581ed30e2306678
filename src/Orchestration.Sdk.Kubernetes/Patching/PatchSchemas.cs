namespace Orchestration.Sdk.Kubernetes.Patching;

/// <summary>
/// The one table of strategic merge rules, transcribed from the <c>patchStrategy</c> / <c>patchMergeKey</c> tags of
/// k8s.io/api (core/v1, apps/v1, batch/v1, autoscaling/v2) at Kubernetes 1.32. The KubernetesClient models carry no
/// such metadata, so it cannot be derived from them. Lists not named here (tolerations, args, command, envFrom)
/// are replaced whole, as in Kubernetes.
/// </summary>
internal static class PatchSchemas
{
    private static readonly PatchSchema ObjectMeta = Schema(
        ("ownerReferences", Keyed("uid")),
        ("finalizers", MergedPrimitives()));

    private static readonly PatchSchema Container = Schema(
        ("env", Keyed("name")),
        ("ports", Keyed("containerPort")),
        ("volumeMounts", Keyed("mountPath")),
        ("volumeDevices", Keyed("devicePath")),
        ("resizePolicy", Keyed("resourceName")));

    private static readonly PatchSchema PodSpec = Schema(
        ("containers", Keyed("name", Container)),
        ("initContainers", Keyed("name", Container)),
        ("ephemeralContainers", Keyed("name", Container)),
        ("volumes", Keyed("name")),
        ("imagePullSecrets", Keyed("name")),
        ("hostAliases", Keyed("ip")),
        ("topologySpreadConstraints", Keyed("topologyKey")),
        ("resourceClaims", Keyed("name")),
        ("schedulingGates", Keyed("name")));

    private static readonly PatchSchema PodStatus = Schema(
        ("conditions", Keyed("type")),
        ("podIPs", Keyed("ip")),
        ("hostIPs", Keyed("ip")),
        ("resourceClaimStatuses", Keyed("name")));

    private static readonly PatchSchema PodTemplateSpec = Schema(
        ("metadata", Nested(ObjectMeta)),
        ("spec", Nested(PodSpec)));

    private static readonly PatchSchema ConditionsStatus = Schema(("conditions", Keyed("type")));

    private static readonly PatchSchema Workload = Schema(
        ("metadata", Nested(ObjectMeta)),
        ("spec", Nested(Schema(("template", Nested(PodTemplateSpec))))),
        ("status", Nested(ConditionsStatus)));

    private static readonly PatchSchema CronJobSpec = Schema(
        ("jobTemplate", Nested(Schema(("spec", Nested(Schema(("template", Nested(PodTemplateSpec)))))))));

    private static readonly PatchSchema NodeStatus = Schema(("conditions", Keyed("type")), ("addresses", Keyed("type")));

    internal static readonly PatchSchema Generic = Schema(("metadata", Nested(ObjectMeta)));

    internal static readonly IReadOnlyDictionary<string, PatchSchema> ByKind = new Dictionary<string, PatchSchema>(StringComparer.Ordinal)
    {
        ["Pod"] = Schema(("metadata", Nested(ObjectMeta)), ("spec", Nested(PodSpec)), ("status", Nested(PodStatus))),
        ["PodTemplate"] = Schema(("metadata", Nested(ObjectMeta)), ("template", Nested(PodTemplateSpec))),
        ["Deployment"] = Workload,
        ["ReplicaSet"] = Workload,
        ["StatefulSet"] = Workload,
        ["DaemonSet"] = Workload,
        ["ReplicationController"] = Workload,
        ["Job"] = Workload,
        ["CronJob"] = Schema(("metadata", Nested(ObjectMeta)), ("spec", Nested(CronJobSpec))),
        ["Service"] = Schema(
            ("metadata", Nested(ObjectMeta)),
            ("spec", Nested(Schema(("ports", Keyed("port"))))),
            ("status", Nested(ConditionsStatus))),
        ["Node"] = Schema(
            ("metadata", Nested(ObjectMeta)),
            ("spec", Nested(Schema(("podCIDRs", MergedPrimitives())))),
            ("status", Nested(NodeStatus))),
        ["HorizontalPodAutoscaler"] = Schema(("metadata", Nested(ObjectMeta)), ("status", Nested(ConditionsStatus))),
    };

    private static PatchSchema Schema(params (string Name, PatchField Field)[] fields) =>
        new(fields.ToDictionary(f => f.Name, f => f.Field, StringComparer.Ordinal));

    private static PatchField Nested(PatchSchema schema) => new(false, null, schema);

    private static PatchField Keyed(string mergeKey, PatchSchema? element = null) => new(true, mergeKey, element ?? PatchSchema.Empty);

    private static PatchField MergedPrimitives() => new(true, null, PatchSchema.Empty);
}
