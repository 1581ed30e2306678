using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Manifests.Reading;

/// <summary>One object read from a manifest, mapped to the SDK model, with where it came from.</summary>
/// <param name="Resource">The object, in the declaration's namespace.</param>
/// <param name="Source">The file (or name) it was read from.</param>
/// <param name="Document">Its 1-based document number in that source.</param>
/// <param name="Namespace">The namespace the manifest names, or null when it names none.</param>
internal sealed record ManifestObject(Resource Resource, string Source, int Document, string? Namespace);
