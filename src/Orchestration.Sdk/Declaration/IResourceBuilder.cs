using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Declaration;

/// <summary>
/// A builder that an <see cref="AppDeclaration"/> holds and compiles: it produces its objects and reports what it
/// could not represent. New kinds (services, config maps, autoscalers) are new implementations; the declaration
/// validates whatever they produce with <see cref="ResourceValidator"/>.
/// </summary>
internal interface IResourceBuilder
{
    /// <summary>The kind of the main object produced ("Deployment"); with <see cref="Name"/>, unique per declaration.</summary>
    string Kind { get; }

    /// <summary>The name of the main object produced.</summary>
    string Name { get; }

    /// <summary>Builds the objects; values that cannot be represented are reported to <paramref name="context"/>.</summary>
    /// <param name="context">The declaration being compiled.</param>
    /// <returns>The objects, in the order they should be applied.</returns>
    IReadOnlyList<Resource> Build(DeclarationContext context);
}
