using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Networking;

/// <summary>Writes one condition of a service's status, only when its status, reason or message changed.</summary>
internal static class ServiceConditions
{
    public static void Set(ResourceStore store, ObjectKey service, Condition condition) =>
        store.Mutate<Service>(service, s =>
        {
            var existing = s.Status.Conditions.Find(condition.Type);
            return existing is not null && existing.Status == condition.Status && existing.Reason == condition.Reason && existing.Message == condition.Message
                ? s
                : s with { Status = s.Status with { Conditions = s.Status.Conditions.Set(condition) } };
        }, statusOnly: true);
}
