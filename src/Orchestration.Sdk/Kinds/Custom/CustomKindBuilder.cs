using System.Text.Json.Serialization.Metadata;
using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Kinds.Custom;

/// <summary>Declares a custom kind's names and validation, as a CustomResourceDefinition does.</summary>
/// <typeparam name="T">The custom resource type.</typeparam>
public sealed class CustomKindBuilder<T>
    where T : Resource
{
    private readonly List<string> _shortNames = [];
    private readonly List<Func<T, string, IEnumerable<ValidationError>>> _validators = [];
    private string? _plural;
    private string _group = string.Empty;
    private string _version = "v1";

    /// <summary>Sets the plural name used in paths and errors.</summary>
    /// <param name="plural">The plural; the default value is the lower-cased kind followed by "s".</param>
    /// <returns>This builder.</returns>
    public CustomKindBuilder<T> Plural(string plural)
    {
        ArgumentException.ThrowIfNullOrEmpty(plural);
        _plural = plural;
        return this;
    }

    /// <summary>Adds a short name (as <c>kubectl get ws</c>).</summary>
    /// <param name="shortName">The short name; by default a kind has none.</param>
    /// <returns>This builder.</returns>
    public CustomKindBuilder<T> ShortName(string shortName)
    {
        ArgumentException.ThrowIfNullOrEmpty(shortName);
        _shortNames.Add(shortName);
        return this;
    }

    /// <summary>Sets the API group and version.</summary>
    /// <param name="group">The group; the default value is empty.</param>
    /// <param name="version">The version; the default value is "v1".</param>
    /// <returns>This builder.</returns>
    public CustomKindBuilder<T> Group(string group, string version = "v1")
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentException.ThrowIfNullOrEmpty(version);
        (_group, _version) = (group, version);
        return this;
    }

    /// <summary>Adds a validation run on every create and update; the store refuses the write when it returns errors.</summary>
    /// <param name="validate">Given the object and the spec's field path (<c>websites[web].spec</c>), returns the errors.</param>
    /// <returns>This builder.</returns>
    public CustomKindBuilder<T> Validate(Func<T, string, IEnumerable<ValidationError>> validate)
    {
        ArgumentNullException.ThrowIfNull(validate);
        _validators.Add(validate);
        return this;
    }

    internal KindRule Build(string kind, JsonTypeInfo<T> jsonTypeInfo) =>
        new CustomKindRule<T>(kind, _plural ?? kind.ToLowerInvariant() + "s", [.. _shortNames], _group, _version, [.. _validators], jsonTypeInfo);
}
