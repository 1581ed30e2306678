using System.Globalization;
using System.Text.Json;
using Orchestration.Sdk.Kubernetes.Discovery;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Kubernetes.Tables;

/// <summary>
/// Writes the server-side Table format (meta.k8s.io/v1 Table), which kubectl asks for
/// (<c>Accept: application/json;as=Table;v=v1;g=meta.k8s.io</c>) to print a real cluster's default and wide columns.
/// Each row carries the object's metadata (PartialObjectMetadata) or, with <c>includeObject=Object</c>, the object.
/// </summary>
internal static class TableWriter
{
    public static KindTable For(ApiKind kind) => kind.Plural switch
    {
        "pods" => WorkloadTables.Pods,
        "deployments" => WorkloadTables.Deployments,
        "replicasets" => WorkloadTables.ReplicaSets,
        "jobs" => BatchTables.Jobs,
        "cronjobs" => StorageTables.CronJobs,
        "statefulsets" => StorageTables.StatefulSets,
        "persistentvolumeclaims" => StorageTables.Claims,
        "horizontalpodautoscalers" => WorkloadTables.Autoscalers,
        "services" => ClusterTables.Services,
        "endpoints" => ClusterTables.Endpoints,
        "nodes" => ClusterTables.Nodes,
        "configmaps" => ClusterTables.ConfigMaps,
        "secrets" => ClusterTables.Secrets,
        "namespaces" => ClusterTables.Namespaces,
        "events" => ClusterTables.Events,
        _ => throw new InvalidOperationException($"no Table for {kind.QualifiedResource}"),
    };

    /// <summary>Whether an Accept header asks for a Table.</summary>
    public static bool Wanted(string? accept) => accept is not null && accept.Contains("as=Table", StringComparison.Ordinal);

    public static void Write(Utf8JsonWriter w, ApiKind kind, IEnumerable<Resource> items, long resourceVersion, DateTimeOffset now, string? includeObject)
    {
        var table = For(kind);
        w.WriteStartObject();
        w.WriteString("kind", "Table");
        w.WriteString("apiVersion", "meta.k8s.io/v1");
        w.WriteStartObject("metadata");
        w.WriteString("resourceVersion", resourceVersion.ToString(CultureInfo.InvariantCulture));
        w.WriteEndObject();
        w.WriteStartArray("columnDefinitions");
        foreach (var c in table.Columns)
        {
            w.WriteStartObject();
            w.WriteString("name", c.Name);
            w.WriteString("type", c.Type);
            w.WriteString("format", c.Format);
            w.WriteString("description", string.Empty);
            w.WriteNumber("priority", c.Priority);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("rows");
        foreach (var item in items)
        {
            w.WriteStartObject();
            w.WriteStartArray("cells");
            foreach (var cell in table.Cells(item, now))
            {
                switch (cell)
                {
                    case int i: w.WriteNumberValue(i); break;
                    case long l: w.WriteNumberValue(l); break;
                    default: w.WriteStringValue(cell?.ToString() ?? string.Empty); break;
                }
            }

            w.WriteEndArray();
            if (includeObject != "None")
            {
                w.WritePropertyName("object");
                w.WriteRawValue(includeObject == "Object" ? Wire.WireJson.Serialize(kind.ToWire(item)) : PartialMetadata(kind, item));
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static string PartialMetadata(ApiKind kind, Resource item)
    {
        var meta = Wire.MetaMapper.ToWire(item.Metadata, kind.Namespaced);
        return $"{{\"kind\":\"PartialObjectMetadata\",\"apiVersion\":\"meta.k8s.io/v1\",\"metadata\":{Wire.WireJson.Serialize(meta)}}}";
    }
}
