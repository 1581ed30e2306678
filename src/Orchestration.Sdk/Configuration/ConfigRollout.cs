using System.Globalization;
using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Configuration;

/// <summary>
/// The opt-in roll on configuration change: when a ConfigMap or Secret is modified, every Deployment annotated with
/// <see cref="OptInAnnotation"/> whose pod template refers to it gets the object's new resourceVersion in the template
/// annotation <see cref="VersionsAnnotation"/>. The template changed, so the Deployment rolls out new pods (which read
/// the new values), as a checksum annotation does with Helm. The annotation holds versions, never values or hashes of
/// them.
/// </summary>
internal static class ConfigRollout
{
    /// <summary>The Deployment annotation that opts in ("true").</summary>
    public const string OptInAnnotation = WellKnownAnnotations.RolloutOnConfigChange;

    /// <summary>The opt-in annotation's key before the SDK used one prefix; Deployments in a persisted store may still carry it.</summary>
    public const string LegacyOptInAnnotation = "orchestration.sdk/rollout-on-config-change";

    /// <summary>The pod template annotation that records the versions of the changed objects: <c>configmap/web-settings=12</c>.</summary>
    public const string VersionsAnnotation = WellKnownAnnotations.ConfigVersions;

    /// <summary>Rolls the opted-in deployments among <paramref name="candidates"/> (those of the changed object's namespace) that refer to it.</summary>
    public static void RollReferrers(ResourceStore store, IEnumerable<Deployment> candidates, Resource changed, ILogger logger)
    {
        var deployments = candidates.Where(d =>
            IsOptedIn(d) &&
            d.Spec.Template?.Spec is { } spec && ConfigChangeWatcher.RefersTo(spec, changed.Kind, changed.Metadata.Name)).ToList();
        var entry = $"{changed.Kind.ToLowerInvariant()}/{changed.Metadata.Name}";
        var version = changed.Metadata.ResourceVersion.ToString(CultureInfo.InvariantCulture);
        foreach (var deployment in deployments)
        {
            store.Mutate<Deployment>(deployment.Key, d =>
            {
                var template = d.Spec.Template ?? new PodTemplateSpec();
                var versions = Parse(template.Annotations.GetValueOrDefault(VersionsAnnotation));
                if (versions.TryGetValue(entry, out var seen) && seen == version)
                {
                    return d;
                }

                versions[entry] = version;
                var annotations = new Dictionary<string, string>(template.Annotations, StringComparer.Ordinal)
                {
                    [VersionsAnnotation] = string.Join(',', versions.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")),
                };
                return d with { Spec = d.Spec with { Template = template with { Annotations = annotations } } };
            });
            ConfigLog.RollingOut(logger, deployment.Key.Display, entry);
        }
    }

    private static bool IsOptedIn(Deployment d) =>
        (d.Metadata.Annotations.TryGetValue(OptInAnnotation, out var on) || d.Metadata.Annotations.TryGetValue(LegacyOptInAnnotation, out on)) && on == "true";

    private static Dictionary<string, string> Parse(string? value)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                result[part[..eq]] = part[(eq + 1)..];
            }
        }

        return result;
    }
}
