using System.Text.Json.Nodes;

namespace Orchestration.Sdk.Manifests.Compose;

/// <summary>
/// A service's <c>volumes</c> and <c>tmpfs</c>, and the top-level <c>volumes</c>. A named volume (declared at the top
/// level) is a PersistentVolumeClaim named after the volume (the declaration has no Compose project name, and the claim
/// is already scoped by the app's namespace), ReadWriteOnce, <see cref="DefaultSize"/>, reclaim policy Retain (the
/// data outlives the claim, as a Docker named volume outlives <c>docker compose down</c>); an anonymous volume
/// (<c>/path</c>) is an emptyDir; a <c>tmpfs</c> is an emptyDir of medium Memory. A bind mount is an error: it would be a
/// hostPath volume, which is opt-in and unsafe, so it is never produced from Compose.
/// </summary>
internal static class ComposeVolumes
{
    /// <summary>The storage request of a claim made for a named volume (Compose volumes have no size).</summary>
    public const string DefaultSize = "1Gi";

    /// <summary>Reads the top-level <c>volumes</c>: each name, and its claim name, when valid.</summary>
    public static void ReadTopLevel(JsonNode? node, ComposeProblems problems, Dictionary<string, string> claims)
    {
        if (node is null)
        {
            return;
        }

        foreach (var (name, spec) in problems.Map("volume", null, "volumes", node) ?? [])
        {
            if (ComposeValues.ObjectName(name) is not { } claim)
            {
                problems.Invalid("volume", name, $"volumes.{name}", JsonValue.Create(name), "a volume name must become a DNS-1123 label (lower-case letters, digits and '-', at most 63; '_' is read as '-') to name its PersistentVolumeClaim");
                continue;
            }

            claims[name] = claim;
            if (spec is null)
            {
                continue;
            }

            foreach (var (key, value) in problems.Map("volume", name, string.Empty, spec) ?? [])
            {
                switch (key)
                {
                    case "driver" when problems.Text("volume", name, key, value) is { } driver && driver != "local":
                        problems.Forbidden("volume", name, key, $"driver \"{driver}\" has no equivalent: a named volume is a PersistentVolumeClaim of the SDK's local provisioner");
                        break;
                    case "driver":
                        break;
                    case "driver_opts" or "external" or "name" or "labels":
                        problems.Forbidden("volume", name, key, $"{key} has no equivalent: a named volume is a PersistentVolumeClaim \"{claim}\" of {DefaultSize}, ReadWriteOnce, of the SDK's local provisioner");
                        break;
                    case var x when x.StartsWith("x-", StringComparison.Ordinal):
                        break;
                    default:
                        problems.Unknown("volume", name, key);
                        break;
                }
            }
        }
    }

    /// <summary>Reads a service's <c>volumes</c> list into the plan's volumes.</summary>
    public static void Read(JsonNode? node, string service, IReadOnlyDictionary<string, string> claims, ComposeProblems problems, ComposeServicePlan plan)
    {
        if (node is not JsonArray list)
        {
            problems.Invalid("service", service, "volumes", node, "must be a list");
            return;
        }

        for (var i = 0; i < list.Count; i++)
        {
            var at = $"volumes[{i}]";
            if (Entry(list[i], at, service, problems) is not var (type, source, target, readOnly) || target is null)
            {
                continue;
            }

            if (!target.StartsWith('/'))
            {
                problems.Invalid("service", service, at, list[i]?.DeepClone(), "the target must be an absolute path in the container");
                continue;
            }

            switch (type)
            {
                case "tmpfs":
                    plan.Volumes.Add(new ComposeVolume($"tmpfs-{plan.Volumes.Count + 1}", null, Memory: true, target, readOnly));
                    break;
                case "volume" when source is null:
                    plan.Volumes.Add(new ComposeVolume($"volume-{plan.Volumes.Count + 1}", null, Memory: false, target, readOnly));
                    break;
                case "volume" when claims.TryGetValue(source, out var claim):
                    plan.Volumes.Add(new ComposeVolume(claim, claim, Memory: false, target, readOnly));
                    break;
                case "volume":
                    problems.Invalid("service", service, at, JsonValue.Create(source), "no top-level volume of that name is declared");
                    break;
                case "bind":
                    problems.Forbidden("service", service, at, $"bind mount of \"{source}\" has no equivalent: it would be a hostPath volume, which is opt-in and unsafe (the container reads and writes the host's files) and is never produced from Compose; use a named volume, or declare WithHostPath in code");
                    break;
                default:
                    problems.Forbidden("service", service, $"{at}.type", $"volume type \"{type}\" has no equivalent: use volume, tmpfs or an anonymous volume");
                    break;
            }
        }
    }

    /// <summary>Reads a service's <c>tmpfs</c> (one path or a list): emptyDir volumes of medium Memory.</summary>
    public static void ReadTmpfs(JsonNode? node, string service, ComposeProblems problems, ComposeServicePlan plan)
    {
        foreach (var path in problems.Strings("service", service, "tmpfs", node, single: true) ?? [])
        {
            var target = path.Split(':')[0];
            if (!target.StartsWith('/'))
            {
                problems.Invalid("service", service, "tmpfs", JsonValue.Create(path), "must be an absolute path in the container");
                continue;
            }

            if (target.Length != path.Length)
            {
                problems.Forbidden("service", service, "tmpfs", $"\"{path}\": tmpfs options have no equivalent (an emptyDir of medium Memory has none); give the path alone");
                continue;
            }

            plan.Volumes.Add(new ComposeVolume($"tmpfs-{plan.Volumes.Count + 1}", null, Memory: true, target, ReadOnly: false));
        }
    }

    private static (string Type, string? Source, string? Target, bool ReadOnly)? Entry(JsonNode? node, string at, string service, ComposeProblems problems)
    {
        if (node is JsonObject map)
        {
            string? type = null, source = null, target = null;
            var readOnly = false;
            foreach (var (key, value) in map)
            {
                switch (key)
                {
                    case "type":
                        type = problems.Text("service", service, $"{at}.type", value);
                        break;
                    case "source":
                        source = problems.Text("service", service, $"{at}.source", value);
                        break;
                    case "target":
                        target = problems.Text("service", service, $"{at}.target", value);
                        break;
                    case "read_only":
                        readOnly = problems.Text("service", service, $"{at}.read_only", value) == "true";
                        break;
                    default:
                        problems.Forbidden("service", service, $"{at}.{key}", $"{key} has no equivalent for a volume mount");
                        return null;
                }
            }

            if (type is null || target is null)
            {
                problems.Add("service", service, at, "Required value: a long-syntax volume names its type and target");
                return null;
            }

            return (type, source, target, readOnly);
        }

        if (problems.Text("service", service, at, node) is not { } text)
        {
            return null;
        }

        var parts = text.Split(':');
        switch (parts)
        {
            case [var path]:
                return ("volume", null, path, false);
            case [var from, var to, .. var rest] when rest.Length <= 1:
                var mode = rest.Length == 1 ? rest[0] : string.Empty;
                if (mode is not ("" or "ro" or "rw"))
                {
                    problems.Forbidden("service", service, at, $"access mode \"{mode}\" has no equivalent: use ro or rw");
                    return null;
                }

                var bind = from.StartsWith('.') || from.StartsWith('/') || from.StartsWith('~');
                return (bind ? "bind" : "volume", from, to, mode == "ro");
            default:
                problems.Invalid("service", service, at, node?.DeepClone(), "must be [SOURCE:]TARGET[:MODE]");
                return null;
        }
    }
}

/// <summary>A volume of a service's pods: a claim (named volume) or an emptyDir (anonymous, or in memory for tmpfs).</summary>
/// <param name="Name">The pod volume's name.</param>
/// <param name="Claim">The PersistentVolumeClaim's name; null for an emptyDir.</param>
/// <param name="Memory">Whether an emptyDir is in memory (tmpfs).</param>
/// <param name="Path">Where the container mounts it.</param>
/// <param name="ReadOnly">Whether the mount is read-only.</param>
internal sealed record ComposeVolume(string Name, string? Claim, bool Memory, string Path, bool ReadOnly);
