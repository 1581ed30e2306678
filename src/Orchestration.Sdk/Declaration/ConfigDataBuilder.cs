using Microsoft.Extensions.Configuration;
using Orchestration.Sdk.Configuration;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Declaration;

/// <summary>
/// What <see cref="ConfigMapBuilder"/> and <see cref="SecretBuilder"/> share: values from literals, files and the host's
/// <see cref="IConfiguration"/> (so user secrets, environment variables and vaults that feed it work). Files and
/// configuration are read when the declaration is built; a missing file or configuration value, a key given twice, an
/// invalid key (alphanumerics, '-', '_', '.') and more than 1 MiB in total are reported then, all at once, by
/// <see cref="AppDeclaration.Validate"/> and <see cref="AppDeclaration.Build"/>.
/// </summary>
/// <typeparam name="TBuilder">The concrete builder, returned by every method.</typeparam>
public abstract class ConfigDataBuilder<TBuilder>
    where TBuilder : ConfigDataBuilder<TBuilder>
{
    private protected ConfigDataBuilder(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
    }

    /// <summary>The object's name (a DNS-1123 subdomain); containers refer to it by this name.</summary>
    public string Name { get; }

    private protected ConfigDataRecorder Recorder { get; } = new();

    private TBuilder Self => (TBuilder)this;

    /// <summary>The recorded data, validated under <c>kind[name].data</c>, and the object's metadata.</summary>
    private protected (Dictionary<string, byte[]> Data, ObjectMeta Metadata) BuildParts(string kind, DeclarationContext context) =>
    (
        Recorder.Build(FieldPath.Of(kind, Name).Child("data"), context.Errors),
        new ObjectMeta
        {
            Name = Name,
            Namespace = context.Namespace,
            Labels = new Dictionary<string, string>(Recorder.Labels, StringComparer.Ordinal),
        });

    /// <summary>Adds the content of a file, read when the declaration is built.</summary>
    /// <param name="path">The file.</param>
    /// <param name="key">The key. <value>The default value is null: the file's name, as <c>kubectl create --from-file</c>.</value></param>
    /// <returns>This builder.</returns>
    public TBuilder FromFile(string path, string? key = null)
    {
        Recorder.AddFile(path, key);
        return Self;
    }

    /// <summary>Adds one value of the host's configuration, read when the declaration is built; a missing value is an error.</summary>
    /// <param name="configuration">The configuration, for example the host's <c>builder.Configuration</c>.</param>
    /// <param name="path">The configuration path, for example <c>"Db:Password"</c>.</param>
    /// <param name="key">The key. <value>The default value is null: the last segment of <paramref name="path"/> ("Password").</value></param>
    /// <returns>This builder.</returns>
    public TBuilder FromConfiguration(IConfiguration configuration, string path, string? key = null)
    {
        Recorder.AddConfiguration(configuration, path, key);
        return Self;
    }

    /// <summary>
    /// Adds every value under a configuration section, read when the declaration is built, each keyed by its path
    /// relative to the section with ':' replaced by '.' (<c>Logging:Level</c> becomes <c>Logging.Level</c>); an empty
    /// section is an error.
    /// </summary>
    /// <param name="configuration">The configuration.</param>
    /// <param name="section">The section's path, for example <c>"Web"</c>.</param>
    /// <returns>This builder.</returns>
    public TBuilder FromConfigurationSection(IConfiguration configuration, string section)
    {
        Recorder.AddConfigurationSection(configuration, section);
        return Self;
    }

    /// <summary>Sets a label on the object; setting a key again replaces its value. <value>The default value is none.</value></summary>
    /// <param name="key">The label key.</param>
    /// <param name="value">The label value.</param>
    /// <returns>This builder.</returns>
    public TBuilder WithLabel(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        Recorder.Labels[key] = value;
        return Self;
    }
}
