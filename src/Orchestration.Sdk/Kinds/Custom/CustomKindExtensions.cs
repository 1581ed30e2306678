using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Sdk.Hosting;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Kinds.Custom;

/// <summary>Registers user-defined kinds on the orchestration builder.</summary>
public static class CustomKindExtensions
{
    /// <summary>
    /// Registers a custom kind whose objects are serialized by reflection (System.Text.Json's default options): the
    /// store, informers, client, garbage collector and persistent store file then treat it as a built-in kind. To
    /// publish trimmed or with native AOT, use the overload that takes a source-generated <see cref="JsonTypeInfo{T}"/>.
    /// </summary>
    /// <typeparam name="T">The custom resource type; it needs a parameterless construction path for its kind name.</typeparam>
    /// <param name="builder">The orchestration builder.</param>
    /// <param name="configure">Declares names and validation; by default the plural is the lower-cased kind plus "s".</param>
    /// <param name="kind">The kind name; the default value is the type name.</param>
    /// <returns>The builder.</returns>
    [RequiresUnreferencedCode(ReflectionJson.Message)]
    [RequiresDynamicCode(ReflectionJson.Message)]
    public static IOrchestrationBuilder AddKind<T>(this IOrchestrationBuilder builder, Action<CustomKindBuilder<T>>? configure = null, string? kind = null)
        where T : Resource =>
        builder.AddKind((JsonTypeInfo<T>)JsonSerializerOptions.Default.GetTypeInfo(typeof(T)), configure, kind);

    /// <summary>
    /// Registers a custom kind whose objects are serialized with <paramref name="jsonTypeInfo"/> (trim- and AOT-safe):
    /// the store, informers, client, garbage collector and persistent store file then treat it as a built-in kind.
    /// </summary>
    /// <typeparam name="T">The custom resource type; it needs a parameterless construction path for its kind name.</typeparam>
    /// <param name="builder">The orchestration builder.</param>
    /// <param name="jsonTypeInfo">The kind's JSON contract, from a JsonSerializerContext (<c>MyJsonContext.Default.Website</c>).</param>
    /// <param name="configure">Declares names and validation; by default the plural is the lower-cased kind plus "s".</param>
    /// <param name="kind">The kind name; the default value is the type name.</param>
    /// <returns>The builder.</returns>
    public static IOrchestrationBuilder AddKind<T>(this IOrchestrationBuilder builder, JsonTypeInfo<T> jsonTypeInfo, Action<CustomKindBuilder<T>>? configure = null, string? kind = null)
        where T : Resource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(jsonTypeInfo);
        var kindBuilder = new CustomKindBuilder<T>();
        configure?.Invoke(kindBuilder);
        builder.Services.AddSingleton(new CustomKindRegistration(kindBuilder.Build(kind ?? typeof(T).Name, jsonTypeInfo)));
        return builder;
    }
}

/// <summary>A custom kind rule waiting to join the registry when it is built.</summary>
internal sealed record CustomKindRegistration(KindRule Rule);
