using System.Text.Json;

namespace Orchestration.Sdk.Kubernetes.Discovery;

/// <summary>
/// The discovery documents: <c>/version</c>, legacy discovery (<c>/api</c>, <c>/apis</c>, <c>/api/v1</c>,
/// <c>/apis/GROUP/VERSION</c>) and aggregated discovery (apidiscovery.k8s.io/v2), which kubectl 1.32 asks for first.
/// </summary>
internal static class DiscoveryDocuments
{
    /// <summary>The Accept/Content-Type of aggregated discovery.</summary>
    public const string AggregatedContentType = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

    /// <summary>The version the API reports: the Kubernetes minor whose API it follows.</summary>
    public const string GitVersion = "v1.32.0-orchestration";

    /// <summary>Kinds that <c>kubectl get all</c> lists.</summary>
    private static readonly HashSet<string> AllCategory = ["pods", "services", "deployments", "replicasets", "horizontalpodautoscalers", "jobs", "statefulsets", "cronjobs"];

    public static void Version(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("major", "1");
        w.WriteString("minor", "32");
        w.WriteString("gitVersion", GitVersion);
        w.WriteString("gitCommit", "0000000000000000000000000000000000000000");
        w.WriteString("gitTreeState", "clean");
        w.WriteString("buildDate", "2026-01-01T00:00:00Z");
        w.WriteString("goVersion", "go1.23.0");
        w.WriteString("compiler", "gc");
        w.WriteString("platform", "linux/amd64");
        w.WriteEndObject();
    }

    public static void ApiVersions(Utf8JsonWriter w, string serverAddress)
    {
        w.WriteStartObject();
        w.WriteString("kind", "APIVersions");
        w.WriteStartArray("versions");
        w.WriteStringValue("v1");
        w.WriteEndArray();
        w.WriteStartArray("serverAddressByClientCIDRs");
        w.WriteStartObject();
        w.WriteString("clientCIDR", "0.0.0.0/0");
        w.WriteString("serverAddress", serverAddress);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void GroupList(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("kind", "APIGroupList");
        w.WriteString("apiVersion", "v1");
        w.WriteStartArray("groups");
        foreach (var group in ApiKinds.Groups.Select(g => g.Key).GroupBy(k => k.Group))
        {
            w.WriteStartObject();
            w.WriteString("name", group.Key);
            w.WriteStartArray("versions");
            foreach (var (g, v) in group)
            {
                GroupVersion(w, g, v);
            }

            w.WriteEndArray();
            w.WritePropertyName("preferredVersion");
            GroupVersion(w, group.Key, group.First().Version);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The APIResourceList of one group version; false when it is not served.</summary>
    public static bool ResourceList(Utf8JsonWriter w, string group, string version)
    {
        var kinds = ApiKinds.All.Where(k => k.Group == group && k.Version == version).ToList();
        if (kinds.Count == 0)
        {
            return false;
        }

        w.WriteStartObject();
        w.WriteString("kind", "APIResourceList");
        w.WriteString("apiVersion", "v1");
        w.WriteString("groupVersion", group.Length == 0 ? version : $"{group}/{version}");
        w.WriteStartArray("resources");
        foreach (var k in kinds)
        {
            Resource(w, k.Plural, k.Singular, k.Namespaced, k.Kind, k.Verbs, k.ShortNames, AllCategory.Contains(k.Plural));
            foreach (var (sub, verbs) in Subresources(k))
            {
                w.WriteStartObject();
                w.WriteString("name", $"{k.Plural}/{sub}");
                w.WriteString("singularName", string.Empty);
                w.WriteBoolean("namespaced", k.Namespaced);
                if (sub == "scale")
                {
                    w.WriteString("group", "autoscaling");
                    w.WriteString("version", "v1");
                }

                w.WriteString("kind", SubresourceKind(k, sub));
                Strings(w, "verbs", verbs);
                w.WriteEndObject();
            }
        }

        w.WriteEndArray();
        w.WriteEndObject();
        return true;
    }

    /// <summary>The aggregated discovery document of the core group (<paramref name="core"/>) or of the named groups.</summary>
    public static void Aggregated(Utf8JsonWriter w, bool core)
    {
        w.WriteStartObject();
        w.WriteString("kind", "APIGroupDiscoveryList");
        w.WriteString("apiVersion", "apidiscovery.k8s.io/v2");
        w.WriteStartObject("metadata");
        w.WriteEndObject();
        w.WriteStartArray("items");
        var groups = core ? ApiKinds.Core.GroupBy(k => (k.Group, k.Version)) : ApiKinds.Groups;
        foreach (var byGroup in groups.GroupBy(g => g.Key.Group))
        {
            w.WriteStartObject();
            w.WriteStartObject("metadata");
            if (byGroup.Key.Length > 0)
            {
                w.WriteString("name", byGroup.Key);
            }

            w.WriteEndObject();
            w.WriteStartArray("versions");
            foreach (var gv in byGroup)
            {
                w.WriteStartObject();
                w.WriteString("version", gv.Key.Version);
                w.WriteStartArray("resources");
                foreach (var k in gv)
                {
                    AggregatedResource(w, k);
                }

                w.WriteEndArray();
                w.WriteString("freshness", "Current");
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void AggregatedResource(Utf8JsonWriter w, ApiKind k)
    {
        w.WriteStartObject();
        w.WriteString("resource", k.Plural);
        ResponseKind(w, k.Group, k.Version, k.Kind);
        w.WriteString("scope", k.Namespaced ? "Namespaced" : "Cluster");
        w.WriteString("singularResource", k.Singular);
        Strings(w, "verbs", k.Verbs);
        if (k.ShortNames.Length > 0)
        {
            Strings(w, "shortNames", k.ShortNames);
        }

        if (AllCategory.Contains(k.Plural))
        {
            Strings(w, "categories", ["all"]);
        }

        var subs = Subresources(k).ToList();
        if (subs.Count > 0)
        {
            w.WriteStartArray("subresources");
            foreach (var (sub, verbs) in subs)
            {
                w.WriteStartObject();
                w.WriteString("subresource", sub);
                if (sub == "scale")
                {
                    ResponseKind(w, "autoscaling", "v1", "Scale");
                }
                else
                {
                    ResponseKind(w, k.Group, k.Version, SubresourceKind(k, sub));
                }

                Strings(w, "verbs", verbs);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static IEnumerable<(string Name, string[] Verbs)> Subresources(ApiKind k)
    {
        if (k.HasStatus)
        {
            yield return ("status", k.Writable ? ["get", "patch", "update"] : ["get"]);
        }

        if (k.HasScale)
        {
            yield return ("scale", ["get", "patch", "update"]);
        }

        if (k == ApiKinds.Pod)
        {
            yield return ("log", ["get"]);
            yield return ("exec", ["create", "get"]);
            yield return ("portforward", ["create", "get"]);
        }
    }

    /// <summary>The kind a subresource speaks in, as a real cluster lists it.</summary>
    private static string SubresourceKind(ApiKind k, string sub) => sub switch
    {
        "scale" => "Scale",
        "exec" => "PodExecOptions",
        "portforward" => "PodPortForwardOptions",
        _ => k.Kind,
    };

    private static void Resource(Utf8JsonWriter w, string name, string singular, bool namespaced, string kind, string[] verbs, string[] shortNames, bool all)
    {
        w.WriteStartObject();
        w.WriteString("name", name);
        w.WriteString("singularName", singular);
        w.WriteBoolean("namespaced", namespaced);
        w.WriteString("kind", kind);
        Strings(w, "verbs", verbs);
        if (shortNames.Length > 0)
        {
            Strings(w, "shortNames", shortNames);
        }

        if (all)
        {
            Strings(w, "categories", ["all"]);
        }

        w.WriteEndObject();
    }

    private static void ResponseKind(Utf8JsonWriter w, string group, string version, string kind)
    {
        w.WriteStartObject("responseKind");
        w.WriteString("group", group);
        w.WriteString("version", version);
        w.WriteString("kind", kind);
        w.WriteEndObject();
    }

    private static void GroupVersion(Utf8JsonWriter w, string group, string version)
    {
        w.WriteStartObject();
        w.WriteString("groupVersion", $"{group}/{version}");
        w.WriteString("version", version);
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
