using System.Text.Json.Nodes;

namespace Orchestration.Sdk.Manifests.Compose;

/// <summary>
/// A service's <c>configs</c> and <c>secrets</c>: each source becomes a key of a ConfigMap (or Secret) per service
/// and target folder, named <c>&lt;service&gt;-configs</c> (<c>-secrets</c>; <c>-2</c>, <c>-3</c>... for further
/// folders), mounted at that folder; the key is the target's file name. The default target is <c>/&lt;source&gt;</c>
/// for a config (a file in the root folder, which a folder mount cannot give) and <c>/run/secrets/&lt;source&gt;</c>
/// for a secret.
/// </summary>
internal static class ComposeMounts
{
    /// <summary>Reads the service's list; returns the objects to declare (name, key to content) and adds the mounts to the plan.</summary>
    public static List<(string Name, Dictionary<string, byte[]> Data)> Read(JsonNode? node, bool secret, string service, IReadOnlyDictionary<string, byte[]> sources, ComposeProblems problems, ComposeServicePlan plan)
    {
        var field = secret ? "secrets" : "configs";
        var folders = new List<(string Folder, Dictionary<string, byte[]> Data)>();
        if (node is not JsonArray list)
        {
            problems.Invalid("service", service, field, node, "must be a list");
            return [];
        }

        for (var i = 0; i < list.Count; i++)
        {
            var at = $"{field}[{i}]";
            if (Entry(list[i], at, secret, service, problems) is not var (source, target) || source is null)
            {
                continue;
            }

            if (!sources.TryGetValue(source, out var content))
            {
                problems.Invalid("service", service, at, JsonValue.Create(source), $"no top-level {field[..^1]} of that name is declared");
                continue;
            }

            target ??= secret ? source : "/" + source;
            var full = target.StartsWith('/') ? target : secret ? "/run/secrets/" + target : null;
            var folder = full is null ? null : Path.GetDirectoryName(full)?.Replace('\\', '/');
            if (full is null || folder is null or "/" || folder.Length == 0)
            {
                problems.Forbidden("service", service, at, $"target \"{target}\" is not a file in a folder: the SDK mounts a {(secret ? "Secret" : "ConfigMap")} as a folder of files, so give an absolute target such as /etc/{source}/{source}");
                continue;
            }

            var key = Path.GetFileName(full);
            var group = folders.FindIndex(f => f.Folder == folder);
            if (group < 0)
            {
                folders.Add((folder, new Dictionary<string, byte[]>(StringComparer.Ordinal)));
                group = folders.Count - 1;
            }

            if (!folders[group].Data.TryAdd(key, content))
            {
                problems.Invalid("service", service, at, JsonValue.Create(target), "another entry already mounts a file at this target");
            }
        }

        var objects = new List<(string, Dictionary<string, byte[]>)>();
        for (var g = 0; g < folders.Count; g++)
        {
            var name = $"{service}-{field}{(g == 0 ? string.Empty : $"-{g + 1}")}";
            objects.Add((name, folders[g].Data));
            plan.Mounts.Add((secret, name, folders[g].Folder));
        }

        return objects;
    }

    private static (string? Source, string? Target)? Entry(JsonNode? node, string at, bool secret, string service, ComposeProblems problems)
    {
        if (node is not JsonObject map)
        {
            return (problems.Text("service", service, at, node), null);
        }

        string? source = null;
        string? target = null;
        foreach (var (key, value) in map)
        {
            switch (key)
            {
                case "source":
                    source = problems.Text("service", service, $"{at}.source", value);
                    break;
                case "target":
                    target = problems.Text("service", service, $"{at}.target", value);
                    break;
                case "uid" or "gid" or "mode":
                    problems.Forbidden("service", service, $"{at}.{key}", $"{key} has no equivalent: mounted {(secret ? "secrets" : "configs")} keep the SDK's file owner and mode");
                    return null;
                default:
                    problems.Unknown("service", service, $"{at}.{key}");
                    return null;
            }
        }

        if (source is null)
        {
            problems.Add("service", service, $"{at}.source", "Required value: an entry names its source");
        }

        return (source, target);
    }
}
