namespace Orchestration.Sdk.Manifests;

/// <summary>
/// One problem in a manifest: where it is (source, document, object) and what is wrong, in Kubernetes' words.
/// </summary>
/// <param name="Source">The file the document came from, relative to the folder read; for text or a stream, the name given.</param>
/// <param name="Document">The document's 1-based position in its source (documents are separated by <c>---</c>); 0 when the problem is the whole source (a YAML syntax error before any document) or the source is a Compose file (one document).</param>
/// <param name="Kind">The object's kind, or null when the document has none; for a Compose file <c>service</c>, <c>config</c>, <c>secret</c> (or <c>volume</c>, <c>network</c>), or null for a top-level key.</param>
/// <param name="Name">The object's name (a Compose service, config or secret), or null when there is none.</param>
/// <param name="Field">The field path within the object (<c>spec.replicas</c>; for a Compose service, relative to it: <c>deploy.replicas</c>); empty when the problem is the document itself.</param>
/// <param name="Message">What is wrong: <c>Invalid value: -1: must be greater than or equal to 0</c>.</param>
public sealed record ManifestProblem(string Source, int Document, string? Kind, string? Name, string Field, string Message)
{
    /// <summary>
    /// The problem on one line: <c>web.yaml, document 2 (Deployment "web"): spec.replicas: Invalid value: -1: must be
    /// greater than or equal to 0</c>.
    /// </summary>
    public override string ToString()
    {
        var where = Document > 0 ? $"{Source}, document {Document}" : Source;
        var what = Kind is null ? string.Empty : Name is null ? $" ({Kind})" : $" ({Kind} \"{Name}\")";
        var field = Field.Length == 0 ? string.Empty : Field + ": ";
        return $"{where}{what}: {field}{Message}";
    }
}
