using Microsoft.Extensions.DependencyInjection;
using Orchestration.Sdk.Hosting;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Kinds.Custom;

/// <summary>Registers user-defined kinds on the orchestration builder.</summary>
public static class CustomKindExtensions
{
    /// <summary>Registers a custom kind: the store, informers, client and garbage collector then treat it as a built-in kind.</summary>
    /// <typeparam name="T">The custom resource type; it needs a parameterless construction path for its kind name.</typeparam>
    /// <param name="builder">The orchestration builder.</param>
    /// <param name="kind">The kind name; the default value is the type name.</param>
    /// <param name="configure">Declares names and validation; by default the plural is the lower-cased kind plus "s".</param>
    /// <returns>The builder.</returns>
    public static IOrchestrationBuilder AddKind<T>(this IOrchestrationBuilder builder, Action<CustomKindBuilder<T>>? configure = null, string? kind = null)
        where T : Resource
    {
        ArgumentNullException.ThrowIfNull(builder);
        var kindBuilder = new CustomKindBuilder<T>();
        configure?.Invoke(kindBuilder);
        builder.Services.AddSingleton(new CustomKindRegistration(kindBuilder.Build(kind ?? typeof(T).Name)));
        return builder;
    }
}

/// <summary>A custom kind rule waiting to join the registry when it is built.</summary>
internal sealed record CustomKindRegistration(KindRule Rule);
