namespace Orchestration.Sdk.Manifests;

/// <summary>How <see cref="ManifestExporter"/> writes manifests.</summary>
public sealed record ManifestExportOptions
{
    /// <summary>
    /// Whether Secrets are written with their values (base64 in <c>data</c>, which is an encoding, not encryption).
    /// When false, each Secret is written with its keys and empty values, a comment and the
    /// <see cref="ManifestExporter.SecretValuesOmittedAnnotation"/> annotation: a reference the user fills in (or
    /// replaces with <c>kubectl create secret</c>) before applying. <value>The default value is false.</value>
    /// </summary>
    public bool IncludeSecretValues { get; init; }

    /// <summary>
    /// Whether each object names its namespace (<c>metadata.namespace</c>). When false, <c>kubectl apply</c> puts the
    /// objects in the namespace of its context or <c>-n</c>. <value>The default value is true.</value>
    /// </summary>
    public bool IncludeNamespace { get; init; } = true;
}
