using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Manifests.Reading;

namespace Orchestration.Sdk.Manifests;

/// <summary>
/// Declares the objects of Kubernetes YAML manifests in an <see cref="AppDeclaration"/>, next to fluent declarations.
/// Every kind the Kubernetes API of the SDK writes is read (Deployment, ReplicaSet, Pod, Service, ConfigMap, Secret,
/// HorizontalPodAutoscaler autoscaling/v2 and v1), multi-document sources included, with the API's mapping: the same
/// defaults, the same unknown-field detection as <c>fieldValidation=Strict</c>, and the same validation as the fluent
/// API. Any problem throws one <see cref="ManifestException"/> naming the file, the document and the field path, and
/// then nothing is added. Objects take the declaration's namespace; a manifest naming another one is an error.
/// </summary>
/// <example>
/// <code>
/// var app = new AppDeclaration();
/// app.AddManifests("deploy/");                 // every *.yaml, *.yml and *.json file of the folder
/// app.AddService("web-internal").WithSelector("app", "web").WithPort(8080);
/// </code>
/// </example>
public static class ManifestDeclarationExtensions
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    /// <summary>
    /// Declares the objects of a manifest file, or of every <c>*.yaml</c>, <c>*.yml</c> and <c>*.json</c> file of a
    /// folder (not its subfolders, as <c>kubectl apply -f</c>), read in ordinal file-name order.
    /// </summary>
    /// <param name="app">The declaration.</param>
    /// <param name="path">A file or a folder.</param>
    /// <returns>The declaration.</returns>
    /// <exception cref="ManifestException">A manifest is invalid (nothing was added).</exception>
    /// <exception cref="FileNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    public static AppDeclaration AddManifests(this AppDeclaration app, string path)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            var files = Directory.EnumerateFiles(path)
                .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .Select(f => (Path.GetFileName(f), File.ReadAllText(f)));
            return Add(app, [.. files]);
        }

        return File.Exists(path)
            ? Add(app, [(Path.GetFileName(path), File.ReadAllText(path))])
            : throw new FileNotFoundException($"No manifest file or folder at \"{path}\".", path);
    }

    /// <summary>Declares the objects of manifest text (one or more YAML or JSON documents separated by <c>---</c>).</summary>
    /// <param name="app">The declaration.</param>
    /// <param name="yaml">The manifests.</param>
    /// <param name="sourceName">The name messages give the text. <value>The default value is "manifest".</value></param>
    /// <returns>The declaration.</returns>
    /// <exception cref="ManifestException">A manifest is invalid (nothing was added).</exception>
    public static AppDeclaration AddManifestsFromText(this AppDeclaration app, string yaml, string sourceName = "manifest")
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourceName);
        return Add(app, [(sourceName, yaml)]);
    }

    /// <summary>Declares the objects of manifests read from a stream (UTF-8), which is read to its end and not closed.</summary>
    /// <param name="app">The declaration.</param>
    /// <param name="stream">The manifests.</param>
    /// <param name="sourceName">The name messages give the stream. <value>The default value is "manifest".</value></param>
    /// <returns>The declaration.</returns>
    /// <exception cref="ManifestException">A manifest is invalid (nothing was added).</exception>
    public static AppDeclaration AddManifests(this AppDeclaration app, Stream stream, string sourceName = "manifest")
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        using var reader = new StreamReader(stream, leaveOpen: true);
        return Add(app, [(sourceName, reader.ReadToEnd())]);
    }

    private static AppDeclaration Add(AppDeclaration app, IReadOnlyList<(string Source, string Yaml)> sources)
    {
        var problems = new List<ManifestProblem>();
        var objects = sources.SelectMany(s => ManifestReader.Read(s.Yaml, s.Source, app.Namespace, problems)).ToList();
        var declared = app.Builders.ToDictionary(b => (b.Kind, b.Name), Describe);
        foreach (var o in objects)
        {
            var key = (o.Resource.Kind, o.Resource.Metadata.Name);
            if (declared.TryGetValue(key, out var first))
            {
                problems.Add(new ManifestProblem(o.Source, o.Document, key.Kind, key.Name, "metadata.name", $"Duplicate value: \"{key.Name}\": {key.Kind} \"{key.Name}\" is already declared ({first})"));
            }
            else
            {
                declared[key] = $"{o.Source}, document {o.Document}";
            }
        }

        if (problems.Count > 0)
        {
            throw new ManifestException(problems.OrderBy(p => p.Source, StringComparer.Ordinal).ThenBy(p => p.Document));
        }

        foreach (var o in objects)
        {
            app.Add(new ManifestObjectBuilder(o));
        }

        return app;
    }

    private static string Describe(IResourceBuilder builder) => builder is ManifestObjectBuilder m
        ? $"{m.Source.Source}, document {m.Source.Document}"
        : "by the fluent API";
}
