using k8s.Models;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Kubernetes.Wire;

/// <summary>Maps metadata, conditions and the small shared types between the SDK model and Kubernetes' wire models.</summary>
internal static class MetaMapper
{
    public static V1ObjectMeta ToWire(ObjectMeta meta, bool namespaced) => new()
    {
        Name = meta.Name,
        NamespaceProperty = namespaced ? meta.Namespace : null,
        Labels = Map(meta.Labels),
        Annotations = Map(meta.Annotations),
        Uid = Empty(meta.Uid),
        ResourceVersion = meta.ResourceVersion > 0 ? meta.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        Generation = meta.Generation > 0 ? meta.Generation : null,
        CreationTimestamp = meta.CreationTimestamp == default ? null : meta.CreationTimestamp.UtcDateTime,
        DeletionTimestamp = meta.DeletionTimestamp?.UtcDateTime,
        Finalizers = List(meta.Finalizers),
        OwnerReferences = meta.OwnerReferences.Count == 0 ? null : meta.OwnerReferences.Select(ToWire).ToList(),
    };

    public static ObjectMeta FromWire(V1ObjectMeta? meta, bool namespaced)
    {
        meta ??= new V1ObjectMeta();
        return new ObjectMeta
        {
            Name = meta.Name ?? string.Empty,
            Namespace = namespaced ? meta.NamespaceProperty ?? "default" : string.Empty,
            Labels = Map(meta.Labels) ?? new Dictionary<string, string>(),
            Annotations = Map(meta.Annotations) ?? new Dictionary<string, string>(),
            Uid = meta.Uid ?? string.Empty,
            ResourceVersion = long.TryParse(meta.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture, out var rv) ? rv : 0,
            Generation = meta.Generation ?? 0,
            CreationTimestamp = meta.CreationTimestamp is { } c ? new DateTimeOffset(DateTime.SpecifyKind(c, DateTimeKind.Utc)) : default,
            DeletionTimestamp = meta.DeletionTimestamp is { } d ? new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)) : null,
            Finalizers = meta.Finalizers?.ToList() ?? [],
            OwnerReferences = meta.OwnerReferences?.Select(o => new OwnerReference(o.Kind, o.Name, o.Uid, o.Controller ?? false)).ToList() ?? [],
        };
    }

    public static V1OwnerReference ToWire(OwnerReference owner) => new()
    {
        ApiVersion = owner.Kind switch
        {
            Deployment.KindName or ReplicaSet.KindName or "StatefulSet" => "apps/v1",
            Job.KindName or "CronJob" => "batch/v1",
            _ => "v1",
        },
        Kind = owner.Kind,
        Name = owner.Name,
        Uid = owner.Uid,
        Controller = owner.Controller ? true : null,
        BlockOwnerDeletion = owner.Controller ? true : null,
    };

    public static Dictionary<string, string>? Map(IReadOnlyDictionary<string, string>? map) =>
        map is null || map.Count == 0 ? null : new Dictionary<string, string>(map, StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, string> Map(IDictionary<string, string>? map) =>
        map is null || map.Count == 0 ? new Dictionary<string, string>() : new Dictionary<string, string>(map, StringComparer.Ordinal);

    public static List<T>? List<T>(IEnumerable<T>? items)
    {
        var list = items?.ToList();
        return list is null || list.Count == 0 ? null : list;
    }

    public static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    public static DateTime? Time(DateTimeOffset value) => value == default ? null : value.UtcDateTime;

    public static DateTimeOffset Time(DateTime? value) =>
        value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : default;

    public static ResourceQuantity Quantity(Quantity q) => new(q.ToString());

    public static Quantity Quantity(ResourceQuantity q) => Model.Quantity.Parse(q.ToString());

    public static Condition Condition(string type, string status, string? reason, string? message, DateTime? transition, DateTime? update = null) =>
        new(type, status, reason, message, Time(transition), Time(update));

    public static T Enum<T>(string? value, T fallback)
        where T : struct, System.Enum =>
        value is not null && System.Enum.TryParse<T>(value, ignoreCase: false, out var parsed) ? parsed : fallback;
}
