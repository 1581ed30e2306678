using System.Text;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Configuration;

/// <summary>
/// Reads what a container's references to ConfigMaps and Secrets point to, when the node agent creates it (the
/// kubelet's makeEnvironmentVariables and configMap/secret volumes). A missing non-optional object or key is reported
/// with Kubernetes' message; values are never part of a message.
/// </summary>
internal static class ConfigReferenceResolver
{
    /// <summary>The reason a container waits with while a reference is missing.</summary>
    public const string ConfigErrorReason = "CreateContainerConfigError";

    private static readonly int ConfigMapFileMode = Convert.ToInt32("644", 8);
    private static readonly int SecretFileMode = Convert.ToInt32("400", 8);

    /// <summary>Whether the container refers to any ConfigMap or Secret.</summary>
    public static bool HasReferences(Container container) =>
        container.EnvFrom.Count > 0 || container.ConfigFiles.Count > 0 || container.Env.Any(e => e.ValueFrom is not null);

    /// <summary>The container's environment (sources first, then its own variables in order) and files, or why not.</summary>
    public static Resolution Resolve(ResourceStore store, Pod pod, Container container)
    {
        try
        {
            return ResolveCore(store, pod, container);
        }
        catch (OrchestrationException ex)
        {
            return Resolution.Failed(ex.Message); // a Secret that cannot be decrypted; the message names no value
        }
    }

    private static Resolution ResolveCore(ResourceStore store, Pod pod, Container container)
    {
        var lookup = new Lookup(store, pod.Metadata.Namespace);
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in container.EnvFrom)
        {
            var data = source.SecretName is { } s ? lookup.Secret(s) : lookup.ConfigMap(source.ConfigMapName!);
            if (data is null)
            {
                if (source.Optional)
                {
                    continue;
                }

                return Resolution.Failed(NotFound(source.SecretName is not null, source.SecretName ?? source.ConfigMapName!));
            }

            foreach (var (key, value) in data)
            {
                env[source.Prefix + key] = Encoding.UTF8.GetString(value);
            }
        }

        foreach (var e in container.Env)
        {
            if (e.ValueFrom is null)
            {
                env[e.Name] = e.Value;
                continue;
            }

            var (selector, secret) = e.ValueFrom.SecretKeyRef is { } sk ? (sk, true) : (e.ValueFrom.ConfigMapKeyRef!, false);
            var data = secret ? lookup.Secret(selector.Name) : lookup.ConfigMap(selector.Name);
            if (data is null)
            {
                if (selector.Optional)
                {
                    continue;
                }

                return Resolution.Failed(NotFound(secret, selector.Name));
            }

            if (!data.TryGetValue(selector.Key, out var value))
            {
                if (selector.Optional)
                {
                    continue;
                }

                return Resolution.Failed($"couldn't find key {selector.Key} in {(secret ? "Secret" : "ConfigMap")} {pod.Metadata.Namespace}/{selector.Name}");
            }

            env[e.Name] = Encoding.UTF8.GetString(value);
        }

        var files = new List<ContainerFile>();
        foreach (var mount in container.ConfigFiles)
        {
            var secret = mount.SecretName is not null;
            var name = mount.SecretName ?? mount.ConfigMapName!;
            var data = secret ? lookup.Secret(name) : lookup.ConfigMap(name);
            if (data is null)
            {
                if (mount.Optional)
                {
                    continue;
                }

                return Resolution.Failed(NotFound(secret, name));
            }

            var dir = mount.MountPath.TrimEnd('/');
            foreach (var (key, value) in data.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                files.Add(new ContainerFile { Path = $"{dir}/{key}", Content = value, Mode = secret ? SecretFileMode : ConfigMapFileMode, IsSecret = secret });
            }
        }

        return new Resolution(env, files, null);
    }

    /// <summary>Kubernetes' not-found message: <c>secret "db-credentials" not found</c>.</summary>
    private static string NotFound(bool secret, string name) => $"{(secret ? "secret" : "configmap")} \"{name}\" not found";

    /// <summary>The outcome: environment and files, or the message of what is missing.</summary>
    internal sealed record Resolution(IReadOnlyDictionary<string, string> Environment, IReadOnlyList<ContainerFile> Files, string? Error)
    {
        public static Resolution Failed(string message) => new(new Dictionary<string, string>(), [], message);

        /// <summary>Never prints the environment or file contents.</summary>
        public override string ToString() => Error ?? $"{Environment.Count} variables, {Files.Count} files";
    }

    /// <summary>Reads each object once per resolution.</summary>
    private sealed class Lookup(ResourceStore store, string ns)
    {
        private readonly Dictionary<(bool, string), IReadOnlyDictionary<string, byte[]>?> _cache = [];

        public IReadOnlyDictionary<string, byte[]>? Secret(string name) => Get(true, name);

        public IReadOnlyDictionary<string, byte[]>? ConfigMap(string name) => Get(false, name);

        private IReadOnlyDictionary<string, byte[]>? Get(bool secret, string name)
        {
            if (!_cache.TryGetValue((secret, name), out var data))
            {
                data = secret
                    ? store.Get<Secret>(new ObjectKey(Configuration.Secret.KindName, ns, name))?.Data.ToDictionary(p => p.Key, p => p.Value.GetBytes(), StringComparer.Ordinal)
                    : store.Get<ConfigMap>(new ObjectKey(Configuration.ConfigMap.KindName, ns, name))?.Data.ToDictionary(p => p.Key, p => Encoding.UTF8.GetBytes(p.Value), StringComparer.Ordinal);
                _cache[(secret, name)] = data;
            }

            return data;
        }
    }
}
