using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Store;

/// <summary>
/// Changes the form in which objects of one kind are kept by the <see cref="ResourceStore"/> (encryption at rest):
/// applied to every object of <see cref="Kind"/> written, and undone on every object read, listed, watched or returned.
/// </summary>
internal interface IStoredObjectTransformer
{
    /// <summary>The kind transformed ("Secret").</summary>
    string Kind { get; }

    /// <summary>The form to keep in the store.</summary>
    Resource ToStored(Resource plain);

    /// <summary>The form to hand out, from the stored one.</summary>
    Resource FromStored(Resource stored);
}
