using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Manifests.Reading;

/// <summary>
/// An object read from a manifest, held by an <see cref="AppDeclaration"/> like a fluent builder: it is built into
/// the declaration's namespace and validated with the rest when the declaration is built.
/// </summary>
internal sealed class ManifestObjectBuilder(ManifestObject source) : IResourceBuilder
{
    public ManifestObject Source { get; } = source;

    public string Kind => Source.Resource.Kind;

    public string Name => Source.Resource.Metadata.Name;

    public IReadOnlyList<Resource> Build(DeclarationContext context)
    {
        if (Source.Namespace is { } given && given != context.Namespace)
        {
            context.Errors.Add(FieldErrors.Invalid(
                FieldPath.Of(Source.Resource).Child("metadata", "namespace"),
                given,
                $"{Source.Source}, document {Source.Document} names another namespace than the declaration's (\"{context.Namespace}\")"));
        }

        return [Source.Resource.WithMetadata(Source.Resource.Metadata with { Namespace = context.Namespace })];
    }
}
