using System.Text;
using System.Text.Json.Nodes;
using Orchestration.Sdk.Kubernetes.Wire;
using Orchestration.Sdk.Storage;
using YamlDotNet.Core;

namespace Orchestration.Sdk.Manifests.Compose;

/// <summary>
/// Reads a Compose file: its top-level keys, its file-backed configs and secrets, then each service. Produces the
/// declarations to make, or problems; nothing is declared while there is any problem.
/// </summary>
internal sealed class ComposeFile(ComposeProblems problems, string baseDirectory)
{
    public string BaseDirectory { get; } = baseDirectory;

    public Dictionary<string, JsonObject> Services { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, byte[]> Configs { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, byte[]> Secrets { get; } = new(StringComparer.Ordinal);

    /// <summary>The top-level named volumes, each with its PersistentVolumeClaim's name.</summary>
    public Dictionary<string, string> Claims { get; } = new(StringComparer.Ordinal);

    /// <summary>The ConfigMaps (false) and Secrets (true) the services' mounts need.</summary>
    public List<(bool Secret, string Name, Dictionary<string, byte[]> Data)> Objects { get; } = [];

    /// <summary>Reads the text; returns the declarations to make (empty when there are problems).</summary>
    public List<Action<AppDeclaration>> Read(string yaml)
    {
        JsonObject root;
        try
        {
            var documents = YamlDocuments.Read(yaml);
            if (documents is not [(_, JsonObject only)])
            {
                problems.Add(null, null, string.Empty, "a Compose file is one YAML mapping with services");
                return [];
            }

            root = only;
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            var where = e is YamlException y ? $" at line {y.Start.Line}, column {y.Start.Column}" : string.Empty;
            problems.Add(null, null, string.Empty, $"invalid YAML{where}: {(e.InnerException ?? e).Message}");
            return [];
        }

        foreach (var (key, value) in root)
        {
            switch (key)
            {
                case "services":
                    foreach (var (name, spec) in problems.Map("service", null, "services", value) ?? [])
                    {
                        if (problems.Map("service", name, string.Empty, spec) is { } map)
                        {
                            Services[name] = map;
                        }
                    }

                    break;
                case "configs" or "secrets":
                    TopLevel(value, key == "secrets");
                    break;
                case "version" or "name":
                    break; // version is obsolete in Compose itself; name is the project's, which the declaration does not have
                case "volumes":
                    break; // read before the services, below
                case "networks" or "include":
                    problems.Forbidden(key[..^1], null, key, key == "networks" ? "networks have no equivalent: every service of the app reaches every other by its name" : "include has no equivalent: read each file with AddCompose");
                    break;
                case var x when x.StartsWith("x-", StringComparison.Ordinal):
                    break;
                default:
                    problems.Add(null, null, key, $"unknown field \"{key}\": the Compose specification has no such top-level field");
                    break;
            }
        }

        ComposeVolumes.ReadTopLevel(root["volumes"], problems, Claims);
        var plans = new List<ComposeServicePlan>();
        foreach (var (name, spec) in Services)
        {
            if (ComposeValues.ObjectName(name) != name)
            {
                problems.Invalid("service", name, $"services.{name}", JsonValue.Create(name), "a service name must be a DNS-1123 label (lower-case letters, digits and '-', at most 63) to name a Deployment and its Service");
                continue;
            }

            plans.Add(new ComposeServiceReader(name, problems, this).Read(spec));
        }

        if (Services.Count == 0 && problems.All.Count == 0)
        {
            problems.Add(null, null, "services", "Required value: a Compose file declares at least one service");
        }

        var claims = plans.SelectMany(p => p.Volumes).Select(v => v.Claim).OfType<string>().Distinct(StringComparer.Ordinal)
            .Select(c => (Action<AppDeclaration>)(app => app.AddPersistentVolumeClaim(c).WithStorage(ComposeVolumes.DefaultSize).WithAccessModes(PersistentVolumeAccessMode.ReadWriteOnce)));
        return problems.All.Count > 0 ? [] : [.. Objects.Select(Declare), .. claims, .. plans.Select(p => (Action<AppDeclaration>)p.Declare)];
    }

    private static Action<AppDeclaration> Declare((bool Secret, string Name, Dictionary<string, byte[]> Data) o) => app =>
    {
        if (o.Secret)
        {
            var secret = app.AddSecret(o.Name);
            foreach (var (key, value) in o.Data)
            {
                secret.WithValue(key, value);
            }
        }
        else
        {
            var map = app.AddConfigMap(o.Name);
            foreach (var (key, value) in o.Data)
            {
                map.WithValue(key, Encoding.UTF8.GetString(value));
            }
        }
    };

    private void TopLevel(JsonNode? node, bool secret)
    {
        var kind = secret ? "secret" : "config";
        foreach (var (name, spec) in problems.Map(kind, null, secret ? "secrets" : "configs", node) ?? [])
        {
            if (problems.Map(kind, name, string.Empty, spec) is not { } map)
            {
                continue;
            }

            foreach (var (key, value) in map)
            {
                switch (key)
                {
                    case "file" when problems.Text(kind, name, key, value) is { } path:
                        var full = Path.GetFullPath(path, BaseDirectory);
                        if (File.Exists(full))
                        {
                            (secret ? Secrets : Configs)[name] = File.ReadAllBytes(full);
                        }
                        else
                        {
                            problems.Invalid(kind, name, key, value, $"no such file ({full})");
                        }

                        break;
                    case "file":
                        break;
                    case "content" when !secret && problems.Text(kind, name, key, value) is { } content:
                        Configs[name] = Encoding.UTF8.GetBytes(content);
                        break;
                    case "content" when !secret:
                        break;
                    case "external" or "name" or "environment" or "driver" or "driver_opts" or "template_driver" or "labels":
                        problems.Forbidden(kind, name, key, $"{key} has no equivalent: a {kind} is read from a file{(secret ? string.Empty : " or content")}");
                        break;
                    default:
                        problems.Unknown(kind, name, key);
                        break;
                }
            }

            if (!map.ContainsKey("file") && !(map.ContainsKey("content") && !secret) && !problems.All.Any(p => p.Name == name && p.Kind == kind))
            {
                problems.Add(kind, name, "file", $"Required value: a {kind} names its file");
            }
        }
    }
}
