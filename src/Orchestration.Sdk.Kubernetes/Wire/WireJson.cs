using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using k8s;

namespace Orchestration.Sdk.Kubernetes.Wire;

/// <summary>
/// Reads and writes wire objects with the KubernetesClient package's serializer (<see cref="KubernetesJson"/>). Strict
/// decoding (<c>fieldValidation=Strict</c>) names every field the wire type does not have, as the API server does:
/// <c>strict decoding error: unknown field "spec.foo"</c>. System.Text.Json's own unmapped-member check stops at the
/// first field and names it by CLR type, so the walk over the JSON is written here.
/// </summary>
internal static class WireJson
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, Type>> Properties = new();

    public static string Serialize(object value) => KubernetesJson.Serialize(value);

    /// <summary>Parses <paramref name="json"/> as <paramref name="wireType"/>; the unknown fields are returned, not thrown.</summary>
    public static object Deserialize(string json, Type wireType, out IReadOnlyList<string> unknownFields)
    {
        var node = JsonNode.Parse(json) ?? throw new JsonException("the request body is empty");
        var unknown = new List<string>();
        Walk(node, wireType, string.Empty, unknown);
        unknownFields = unknown;
        var method = typeof(KubernetesJson).GetMethod(nameof(KubernetesJson.Deserialize), [typeof(string), typeof(JsonSerializerOptions)])!
            .MakeGenericMethod(wireType);
        try
        {
            return method.Invoke(null, [json, null]) ?? throw new JsonException("the request body is null");
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    private static void Walk(JsonNode? node, Type type, string path, List<string> unknown)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        switch (node)
        {
            case JsonObject obj when Element(type, typeof(IDictionary<,>)) is { } valueType:
                foreach (var (key, child) in obj)
                {
                    Walk(child, valueType, Join(path, key), unknown);
                }

                break;
            case JsonObject obj when IsModel(type):
                var props = Properties.GetOrAdd(type, PropertiesOf);
                foreach (var (key, child) in obj)
                {
                    var field = Join(path, key);
                    if (props.TryGetValue(key, out var propType))
                    {
                        Walk(child, propType, field, unknown);
                    }
                    else
                    {
                        unknown.Add(field);
                    }
                }

                break;
            case JsonArray array when Element(type, typeof(IList<>)) is { } itemType:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], itemType, $"{path}[{i}]", unknown);
                }

                break;
            default:
                break;
        }
    }

    private static bool IsModel(Type type) => type.Namespace == "k8s.Models" && type.IsClass;

    private static Type? Element(Type type, Type generic)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == generic)
        {
            return type.GetGenericArguments()[^1];
        }

        var match = type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == generic);
        return match?.GetGenericArguments()[^1];
    }

    private static IReadOnlyDictionary<string, Type> PropertiesOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Name: p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name, p.PropertyType))
            .Where(p => p.Name is not null)
            .ToDictionary(p => p.Name!, p => p.PropertyType, StringComparer.Ordinal);

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
}
