using Orchestration.Sdk.Configuration;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Declaration;

/// <summary>
/// Declares a <see cref="Secret"/>: sensitive values that containers consume as environment variables or files, kept
/// encrypted in the store and never printed. Prefer <see cref="ConfigDataBuilder{TBuilder}.FromConfiguration"/> (user
/// secrets, environment variables, a vault) over literals in code. Created by <see cref="AppDeclaration.AddSecret(string)"/>.
/// </summary>
public sealed class SecretBuilder : ConfigDataBuilder<SecretBuilder>, IResourceBuilder
{
    private string _type = Secret.OpaqueType;

    internal SecretBuilder(string name)
        : base(name)
    {
    }

    string IResourceBuilder.Kind => Secret.KindName;

    /// <summary>Adds a literal value (stored as UTF-8).</summary>
    /// <param name="key">The key (alphanumerics, '-', '_', '.').</param>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public SecretBuilder WithValue(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Recorder.AddLiteral(key, System.Text.Encoding.UTF8.GetBytes(value));
        return this;
    }

    /// <summary>Adds a literal binary value (copied).</summary>
    /// <param name="key">The key (alphanumerics, '-', '_', '.').</param>
    /// <param name="value">The bytes.</param>
    /// <returns>This builder.</returns>
    public SecretBuilder WithValue(string key, ReadOnlySpan<byte> value)
    {
        Recorder.AddLiteral(key, value.ToArray());
        return this;
    }

    /// <summary>Sets the secret's type. <value>The default value is "Opaque".</value></summary>
    /// <param name="type">The type, for example <c>"kubernetes.io/basic-auth"</c>.</param>
    /// <returns>This builder.</returns>
    public SecretBuilder WithType(string type)
    {
        ArgumentNullException.ThrowIfNull(type);
        _type = type;
        return this;
    }

    IReadOnlyList<Resource> IResourceBuilder.Build(DeclarationContext context)
    {
        var (data, metadata) = BuildParts(Secret.KindName, context);
        return
        [
            new Secret
            {
                Metadata = metadata,
                Type = _type,
                Data = data.ToDictionary(p => p.Key, p => SecretValue.FromBytes(p.Value), StringComparer.Ordinal),
            },
        ];
    }
}
