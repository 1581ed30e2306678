namespace Orchestration.Sdk.Kinds.BuiltIn;

/// <summary>The rules of the kinds the SDK ships, with Kubernetes' names, groups and versions.</summary>
internal static class BuiltInRules
{
    public static IEnumerable<KindRule> Create() =>
    [
        new PodRule(),
        new DeploymentRule(),
        new ReplicaSetRule(),
        new StatefulSetRule(),
        new ServiceRule(),
        new EndpointsRule(),
        new ConfigMapRule(),
        new SecretRule(),
        new PersistentVolumeClaimRule(),
        new NodeRule(),
        new HorizontalPodAutoscalerRule(),
        new JobRule(),
        new CronJobRule(),
        new Events.EventRule(),
    ];
}
