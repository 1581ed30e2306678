using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Manifests.Compose;

/// <summary>
/// Declares the services of a Compose file (the Compose specification's <c>docker-compose.yml</c> /
/// <c>compose.yaml</c>) in an <see cref="AppDeclaration"/>: each service becomes a Deployment (a standalone Pod for
/// <c>restart: "no"</c> or <c>on-failure</c>), a Service when it has <c>ports</c> or <c>expose</c>, and ConfigMaps and
/// Secrets for its file-backed <c>configs</c> and <c>secrets</c>. Every key is mapped or reported: one that has no
/// equivalent (<c>build</c>, <c>network_mode</c>, <c>privileged</c>...) or that the specification does not have is an
/// error naming the service and the field, and then nothing is added. The mapping table is in docs/manifests.md.
/// </summary>
/// <example>
/// <code>
/// var app = new AppDeclaration();
/// app.AddCompose("docker-compose.yml");
/// ManifestExporter.ExportToFolder(app, "deploy");
/// </code>
/// </example>
public static class ComposeDeclarationExtensions
{
    /// <summary>
    /// The annotation (on a Deployment and its pod template) recording a service's <c>depends_on</c>, as
    /// <c>db:service_healthy,cache:service_started</c>. Kubernetes starts all workloads at once: the dependency is
    /// recorded, not enforced (see docs/manifests.md).
    /// </summary>
    public const string DependsOnAnnotation = WellKnownAnnotations.Prefix + "compose-depends-on";

    /// <summary>Declares the services of a Compose file; relative paths in it (<c>env_file</c>, config and secret files) are read from the file's folder.</summary>
    /// <param name="app">The declaration.</param>
    /// <param name="path">The Compose file.</param>
    /// <returns>The declaration.</returns>
    /// <exception cref="ManifestException">The file has problems (nothing was added); each names the service and the field.</exception>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    public static AppDeclaration AddCompose(this AppDeclaration app, string path)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No Compose file at \"{path}\".", path);
        }

        var full = Path.GetFullPath(path);
        return Add(app, File.ReadAllText(full), Path.GetFileName(full), Path.GetDirectoryName(full)!);
    }

    /// <summary>Declares the services of Compose text.</summary>
    /// <param name="app">The declaration.</param>
    /// <param name="yaml">The Compose file's text.</param>
    /// <param name="sourceName">The name messages give the text. <value>The default value is "compose.yaml".</value></param>
    /// <param name="baseDirectory">The folder relative paths are read from. <value>The default value is null: the current directory.</value></param>
    /// <returns>The declaration.</returns>
    /// <exception cref="ManifestException">The text has problems (nothing was added).</exception>
    public static AppDeclaration AddComposeFromText(this AppDeclaration app, string yaml, string sourceName = "compose.yaml", string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourceName);
        return Add(app, yaml, sourceName, baseDirectory ?? Directory.GetCurrentDirectory());
    }

    /// <summary>Declares the services of a Compose file read from a stream (UTF-8), which is read to its end and not closed.</summary>
    /// <param name="app">The declaration.</param>
    /// <param name="stream">The Compose file.</param>
    /// <param name="sourceName">The name messages give the stream. <value>The default value is "compose.yaml".</value></param>
    /// <param name="baseDirectory">The folder relative paths are read from. <value>The default value is null: the current directory.</value></param>
    /// <returns>The declaration.</returns>
    /// <exception cref="ManifestException">The file has problems (nothing was added).</exception>
    public static AppDeclaration AddCompose(this AppDeclaration app, Stream stream, string sourceName = "compose.yaml", string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, leaveOpen: true);
        return AddComposeFromText(app, reader.ReadToEnd(), sourceName, baseDirectory);
    }

    private static AppDeclaration Add(AppDeclaration app, string yaml, string source, string baseDirectory)
    {
        var problems = new ComposeProblems(source);
        var declarations = new ComposeFile(problems, baseDirectory).Read(yaml);
        if (problems.All.Count > 0)
        {
            throw new ManifestException(problems.All);
        }

        foreach (var declare in declarations)
        {
            declare(app);
        }

        return app;
    }
}
