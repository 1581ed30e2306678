using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Orchestration.Sdk.Kubernetes.Streams;

/// <summary>Reads the query parameters of the streaming subresources as kube-apiserver parses them.</summary>
internal static class StreamQuery
{
    public static bool Bool(IQueryCollection query, string name, bool fallback = false)
    {
        var value = query[name].LastOrDefault();
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }

        return value switch
        {
            "1" or "t" or "T" => true,
            "0" or "f" or "F" => false,
            _ when bool.TryParse(value, out var parsed) => parsed,
            _ => throw new FormatException($"{name}: Invalid value: \"{value}\": must be a boolean"),
        };
    }

    public static long? Long(IQueryCollection query, string name)
    {
        var value = query[name].LastOrDefault();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new FormatException($"{name}: Invalid value: \"{value}\": must be an integer");
    }

    public static string? String(IQueryCollection query, string name) => query[name].LastOrDefault() is { Length: > 0 } value ? value : null;
}
