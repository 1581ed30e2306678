using System.Text.Json.Serialization.Metadata;
using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Kinds.Custom;

/// <summary>The rule of a user-defined kind, built by <see cref="CustomKindBuilder{T}"/>.</summary>
/// <typeparam name="T">The custom resource type.</typeparam>
internal sealed class CustomKindRule<T>(string kind, string plural, IReadOnlyList<string> shortNames, string group, string version, IReadOnlyList<Func<T, string, IEnumerable<ValidationError>>> validators, JsonTypeInfo<T> jsonTypeInfo)
    : KindRule<T>(jsonTypeInfo)
    where T : Resource
{
    public override string Kind => kind;

    public override string Plural => plural;

    public override IReadOnlyList<string> ShortNames => shortNames;

    public override string Group => group;

    public override string Version => version;

    // A custom object may itself be owned (by another custom object) and is then collected with its owner.
    public override bool GarbageCollected => true;

    public override IReadOnlyList<ValidationError> ValidateCreate(T obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var root = FieldPath.Of(obj);
        var errors = new List<ValidationError>();
        MetadataValidator.Validate(obj.Metadata, root.Child("metadata"), NameRules.Dns1123Subdomain, Namespaced, errors);
        foreach (var validate in validators)
        {
            errors.AddRange(validate(obj, root.Child("spec").Value));
        }

        return errors;
    }
}
