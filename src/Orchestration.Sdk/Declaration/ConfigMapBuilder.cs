using System.Text;
using Orchestration.Sdk.Configuration;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Declaration;

/// <summary>
/// Declares a <see cref="ConfigMap"/>: non-secret configuration that containers consume as environment variables or
/// files. Created by <see cref="AppDeclaration.AddConfigMap(string)"/>.
/// </summary>
public sealed class ConfigMapBuilder : ConfigDataBuilder<ConfigMapBuilder>, IResourceBuilder
{
    internal ConfigMapBuilder(string name)
        : base(name)
    {
    }

    string IResourceBuilder.Kind => ConfigMap.KindName;

    /// <summary>Adds a literal value.</summary>
    /// <param name="key">The key (alphanumerics, '-', '_', '.').</param>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public ConfigMapBuilder WithValue(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Recorder.AddLiteral(key, Encoding.UTF8.GetBytes(value));
        return this;
    }

    IReadOnlyList<Resource> IResourceBuilder.Build(DeclarationContext context)
    {
        var (data, metadata) = BuildParts(ConfigMap.KindName, context);
        return
        [
            new ConfigMap
            {
                Metadata = metadata,
                Data = data.ToDictionary(p => p.Key, p => Encoding.UTF8.GetString(p.Value), StringComparer.Ordinal),
            },
        ];
    }
}
