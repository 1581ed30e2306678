using System.Text;
using Orchestration.Sdk.Manifests.Writing;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Manifests;

/// <summary>
/// Writes a declaration (fluent, manifests, or both) as Kubernetes manifests a real cluster accepts, with the
/// Kubernetes API's own mapping: Deployments (apps/v1, with strategy, probes and resources), Pods, ReplicaSets,
/// Services (v1; a service exposed on the host is <c>type: NodePort</c>, its host ports the <c>nodePort</c>s),
/// ConfigMaps, Secrets (values left out unless <see cref="ManifestExportOptions.IncludeSecretValues"/>) and
/// HorizontalPodAutoscalers (autoscaling/v2). Only what is declared is written: no status, uid, resourceVersion,
/// creation time, owner references or allocated cluster IPs. Reading the output back with
/// <see cref="ManifestDeclarationExtensions.AddManifests(AppDeclaration, string)"/> gives an equal declaration.
/// </summary>
/// <example>
/// <code>
/// File.WriteAllText("app.yaml", ManifestExporter.Export(app));
/// ManifestExporter.ExportToFolder(app, "deploy");   // then: kubectl apply -f deploy
/// </code>
/// </example>
public static class ManifestExporter
{
    /// <summary>
    /// The annotation on a Secret exported without its values (<c>"true"</c>): its <c>data</c> keys are there, their
    /// values empty, to be filled in.
    /// </summary>
    public const string SecretValuesOmittedAnnotation = WellKnownAnnotations.Prefix + "secret-values-omitted";

    /// <summary>Builds the declaration (validating it) and writes its objects as one multi-document YAML text.</summary>
    /// <param name="app">The declaration.</param>
    /// <param name="options">How to write. <value>The default value is <see cref="ManifestExportOptions"/>' defaults.</value></param>
    /// <returns>The documents, in declaration order, separated by <c>---</c>.</returns>
    /// <exception cref="Declaration.DeclarationValidationException">The declaration is invalid.</exception>
    public static string Export(AppDeclaration app, ManifestExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        return Export(app.Build(), options);
    }

    /// <summary>
    /// Writes objects as one multi-document YAML text. Objects a controller created (with a controller owner
    /// reference, such as a Deployment's ReplicaSets and Pods) are left out: their owner declares them.
    /// </summary>
    /// <param name="resources">The objects.</param>
    /// <param name="options">How to write. <value>The default value is <see cref="ManifestExportOptions"/>' defaults.</value></param>
    /// <returns>The documents, in the given order, separated by <c>---</c>.</returns>
    /// <exception cref="NotSupportedException">An object's kind cannot be declared by a manifest (a Node, Endpoints, an Event, a custom kind).</exception>
    public static string Export(IEnumerable<Resource> resources, ManifestExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var text = new StringBuilder();
        foreach (var document in ManifestDocuments.Write(resources, options ?? new ManifestExportOptions()))
        {
            text.Append(text.Length == 0 ? string.Empty : "---\n").Append(document.Yaml);
        }

        return text.ToString();
    }

    /// <summary>
    /// Builds the declaration and writes one file per object into <paramref name="folder"/> (created when missing),
    /// named <c>&lt;kind&gt;-&lt;name&gt;.yaml</c> in lower case (<c>deployment-web.yaml</c>); existing files of those
    /// names are replaced, others are left alone.
    /// </summary>
    /// <param name="app">The declaration.</param>
    /// <param name="folder">The folder.</param>
    /// <param name="options">How to write. <value>The default value is <see cref="ManifestExportOptions"/>' defaults.</value></param>
    /// <returns>The paths written, in declaration order.</returns>
    /// <exception cref="Declaration.DeclarationValidationException">The declaration is invalid.</exception>
    public static IReadOnlyList<string> ExportToFolder(AppDeclaration app, string folder, ManifestExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(folder);
        var documents = ManifestDocuments.Write(app.Build(), options ?? new ManifestExportOptions());
        Directory.CreateDirectory(folder);
        var paths = new List<string>();
        foreach (var document in documents)
        {
            var path = Path.Combine(folder, $"{document.Kind.ToLowerInvariant()}-{document.Name}.yaml");
            File.WriteAllText(path, document.Yaml);
            paths.Add(path);
        }

        return paths;
    }
}
