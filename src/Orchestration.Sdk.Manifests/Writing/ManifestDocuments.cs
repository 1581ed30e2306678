using k8s;
using k8s.Models;
using Orchestration.Sdk.Networking;
using Orchestration.Sdk.Kubernetes.Discovery;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Manifests.Writing;

/// <summary>Maps objects to their wire form with the API's mapping (<see cref="ApiKind.ToWire"/>), keeps what is declared, and writes YAML.</summary>
internal static class ManifestDocuments
{
    public static IReadOnlyList<(string Kind, string Name, string Yaml)> Write(IEnumerable<Resource> resources, ManifestExportOptions options) =>
        [.. Declared(resources, options).Select(d => (d.Resource.Kind, d.Resource.Metadata.Name, d.Comment + KubernetesYaml.Serialize(d.Wire).TrimEnd('\n') + "\n"))];

    /// <summary>
    /// The declared objects in their wire form (<c>k8s.Models</c>), without what the server sets, each with the YAML
    /// comment to write before it; objects with a controller owner reference are left out.
    /// </summary>
    /// <exception cref="NotSupportedException">An object's kind cannot be declared by a manifest.</exception>
    public static IReadOnlyList<(ApiKind Kind, Resource Resource, object Wire, string Comment)> Declared(IEnumerable<Resource> resources, ManifestExportOptions options)
    {
        var documents = new List<(ApiKind, Resource, object, string)>();
        foreach (var resource in resources)
        {
            ArgumentNullException.ThrowIfNull(resource);
            if (resource.Metadata.Controller is not null)
            {
                continue;
            }

            var kind = ApiKinds.All.FirstOrDefault(k => k.Kind == resource.Kind && k.Writable && k.Stored)
                ?? throw new NotSupportedException($"{resource} cannot be exported: manifests declare only {string.Join(", ", ApiKinds.All.Where(k => k.Writable).Select(k => k.Kind).Distinct())}.");
            var wire = kind.ToWire(resource);
            var comment = Declared(wire, options);
            documents.Add((kind, resource, wire, comment));
        }

        return documents;
    }

    /// <summary>Removes what the server sets; returns a comment to put before the document ("" for none).</summary>
    private static string Declared(object wire, ManifestExportOptions options)
    {
        wire.GetType().GetProperty("Status")?.SetValue(wire, null);
        if (wire is IMetadata<V1ObjectMeta> { Metadata: { } meta })
        {
            meta.Uid = null;
            meta.ResourceVersion = null;
            meta.Generation = null;
            meta.CreationTimestamp = null;
            meta.DeletionTimestamp = null;
            meta.OwnerReferences = null;
            meta.ManagedFields = null;
            if (!options.IncludeNamespace)
            {
                meta.NamespaceProperty = null;
            }
        }

        switch (wire)
        {
            case V1Service { Spec: { } spec }:
                // An assigned address belongs to this cluster and is dropped; "None" is the declaration of a headless
                // service and stays (without it a cluster would give the service a virtual IP and no per-pod names).
                if (spec.ClusterIP != ServiceSpec.ClusterIPNone)
                {
                    spec.ClusterIP = null;
                    spec.ClusterIPs = null;
                }

                return string.Empty;
            case V1Secret secret when !options.IncludeSecretValues:
                secret.Data = secret.Data?.ToDictionary(p => p.Key, _ => Array.Empty<byte>(), StringComparer.Ordinal);
                secret.Metadata.Annotations ??= new Dictionary<string, string>(StringComparer.Ordinal);
                secret.Metadata.Annotations[ManifestExporter.SecretValuesOmittedAnnotation] = "true";
                return $"# The values of Secret \"{secret.Metadata.Name}\" are left out: fill in each data key (base64) before applying,\n# or create it with kubectl create secret (ManifestExportOptions.IncludeSecretValues writes them).\n";
            default:
                return string.Empty;
        }
    }
}
