using Orchestration.Sdk.Declaration;

namespace Orchestration.Sdk;

/// <content>ConfigMaps and Secrets.</content>
public sealed partial class AppDeclaration
{
    /// <summary>
    /// Declares a ConfigMap: configuration values from literals, files or the host's configuration, which containers
    /// consume as environment variables or files. The name must be a DNS-1123 subdomain.
    /// </summary>
    /// <param name="name">The ConfigMap's name, unique among the declaration's ConfigMaps.</param>
    /// <returns>The builder, to add values.</returns>
    public ConfigMapBuilder AddConfigMap(string name) => Add(new ConfigMapBuilder(name));

    /// <summary>
    /// Declares a Secret: sensitive values, encrypted at rest and never printed, which containers consume as environment
    /// variables or files. The name must be a DNS-1123 subdomain.
    /// </summary>
    /// <param name="name">The Secret's name, unique among the declaration's Secrets.</param>
    /// <returns>The builder, to add values.</returns>
    public SecretBuilder AddSecret(string name) => Add(new SecretBuilder(name));
}
