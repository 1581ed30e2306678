namespace Orchestration.Sdk.Events;

/// <summary>
/// The group/version of the built-in kinds, for an event's involvedObject.apiVersion. Until the kind registry gives
/// every kind its group and version, this is the one table of them; unknown kinds are "v1" (the core group).
/// </summary>
internal static class ApiVersions
{
    public static string Of(string kind) => kind switch
    {
        "Deployment" or "ReplicaSet" => "apps/v1",
        "HorizontalPodAutoscaler" => "autoscaling/v2",
        _ => "v1",
    };
}
