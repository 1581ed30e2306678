using Microsoft.AspNetCore.Http;
using Orchestration.Sdk.Kubernetes.Discovery;

namespace Orchestration.Sdk.Kubernetes.Server;

/// <summary>
/// A resource request, parsed from its path as the API server's RequestInfo:
/// <c>/api/v1/namespaces/NS/pods/NAME/SUB</c> or <c>/apis/GROUP/VERSION/…</c>, the verb from the method and query.
/// </summary>
/// <param name="Verb">get, list, watch, create, update, patch, delete or deletecollection.</param>
/// <param name="Kind">The served kind.</param>
/// <param name="Namespace">The namespace from the path; null when none (cluster-scoped, or all namespaces).</param>
/// <param name="Name">The object's name; null for collections.</param>
/// <param name="Subresource">"status", "scale", "log"…; null for the object itself.</param>
internal sealed record ApiRequest(string Verb, ApiKind Kind, string? Namespace, string? Name, string? Subresource)
{
    /// <summary>
    /// Whether the request only reads. exec and portforward run code or reach into a pod, so they need the admin token
    /// whatever the method (kubectl opens them with a WebSocket GET), as RBAC asks for <c>create</c> on them.
    /// </summary>
    public bool IsReadOnly => Verb is "get" or "list" or "watch" && Subresource is not ("exec" or "portforward" or "attach");

    /// <summary>Parses <paramref name="path"/>; null when it names no served resource (then the caller tries discovery).</summary>
    public static ApiRequest? Parse(string method, string path, IQueryCollection query)
    {
        var parts = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        string group;
        string version;
        int rest;
        if (parts.Length >= 3 && parts[0] == "api")
        {
            (group, version, rest) = (string.Empty, parts[1], 2);
        }
        else if (parts.Length >= 4 && parts[0] == "apis")
        {
            (group, version, rest) = (parts[1], parts[2], 3);
        }
        else
        {
            return null;
        }

        var tail = parts[rest..];
        string? ns = null;
        if (tail.Length >= 3 && tail[0] == "namespaces")
        {
            ns = tail[1];
            tail = tail[2..];
        }
        else if (tail.Length >= 1 && tail[0] == "namespaces" && group.Length == 0)
        {
            // /api/v1/namespaces and /api/v1/namespaces/NAME are the Namespace objects themselves.
            tail = tail.Length == 1 ? ["namespaces"] : ["namespaces", tail[1]];
        }

        if (tail.Length is 0 or > 3)
        {
            return null;
        }

        var kind = ApiKinds.Find(group, version, tail[0]);
        if (kind is null)
        {
            return null;
        }

        var name = tail.Length > 1 ? tail[1] : null;
        var sub = tail.Length > 2 ? tail[2] : null;
        var watch = query["watch"] is { Count: > 0 } w && w[0] is "1" or "true";
        var verb = method switch
        {
            "GET" when name is null => watch ? "watch" : "list",
            "GET" => "get",
            "POST" => "create",
            "PUT" => "update",
            "PATCH" => "patch",
            "DELETE" when name is null => "deletecollection",
            "DELETE" => "delete",
            _ => method.ToLowerInvariant(),
        };
        return new ApiRequest(verb, kind, kind.Namespaced ? ns : null, name, sub);
    }
}
