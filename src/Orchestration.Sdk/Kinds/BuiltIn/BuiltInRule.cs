using System.Text.Json.Serialization.Metadata;
using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Kinds.BuiltIn;

/// <summary>
/// A built-in kind's rule: one validation routine that reports into a list, run with the namespace checked (a write
/// to the store) or not (an object of a declaration, whose namespace is checked once).
/// </summary>
internal abstract class BuiltInRule<T> : KindRule<T>
    where T : Resource
{
    // The model's source-generated contract (ModelJsonContext lists every built-in kind).
    protected BuiltInRule()
        : base((JsonTypeInfo<T>)ModelJsonContext.Default.GetTypeInfo(typeof(T))!)
    {
    }

    public sealed override IReadOnlyList<ValidationError> ValidateCreate(T obj) => Run(obj, Namespaced);

    internal sealed override IReadOnlyList<ValidationError> ValidateDeclared(Resource obj) => Run((T)obj, checkNamespace: false);

    /// <summary>Validates the whole object, with paths rooted at <paramref name="root"/>.</summary>
    protected abstract void Validate(T obj, FieldPath root, bool checkNamespace, List<ValidationError> errors);

    private List<ValidationError> Run(T obj, bool checkNamespace)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var errors = new List<ValidationError>();
        Validate(obj, FieldPath.Of(obj), checkNamespace, errors);
        return errors;
    }
}
