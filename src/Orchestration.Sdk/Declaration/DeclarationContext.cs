namespace Orchestration.Sdk.Declaration;

/// <summary>What a builder sees while a declaration is compiled: the namespace, the other builders, and where errors go.</summary>
internal sealed class DeclarationContext
{
    public DeclarationContext(string @namespace, IReadOnlyList<IResourceBuilder> builders)
    {
        Namespace = @namespace;
        Builders = builders;
    }

    /// <summary>The namespace every namespaced object is declared in.</summary>
    public string Namespace { get; }

    /// <summary>Every builder of the declaration, so that one can refer to another (a service to a deployment).</summary>
    public IReadOnlyList<IResourceBuilder> Builders { get; }

    /// <summary>Errors found while building, with full field paths.</summary>
    public List<ValidationError> Errors { get; } = [];
}
