using System.Globalization;
using System.Text.Json;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker;

/// <summary>Turns one line of the engine's /events stream into a <see cref="ContainerEvent"/>.</summary>
internal static class DockerEventParser
{
    /// <summary>Attributes the engine adds next to a container's labels; they are not labels.</summary>
    private static readonly HashSet<string> EngineAttributes = new(StringComparer.Ordinal)
    {
        "exitCode", "image", "name", "signal", "execDuration",
    };

    /// <summary>Parses a container start, die or destroy event; null for anything else.</summary>
    /// <param name="line">One JSON message.</param>
    /// <param name="timeNano">The event's time in nanoseconds since the epoch (0 when absent).</param>
    public static ContainerEvent? Parse(string line, out long timeNano)
    {
        timeNano = 0;
        if (string.IsNullOrWhiteSpace(line))
        {
            return null;
        }

        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        if (root.TryGetProperty("timeNano", out var nano) && nano.ValueKind == JsonValueKind.Number)
        {
            timeNano = nano.GetInt64();
        }
        else if (root.TryGetProperty("time", out var seconds) && seconds.ValueKind == JsonValueKind.Number)
        {
            timeNano = seconds.GetInt64() * 1_000_000_000;
        }

        if (!string.Equals(StringOf(root, "Type"), "container", StringComparison.Ordinal)
            || !root.TryGetProperty("Actor", out var actor))
        {
            return null;
        }

        var type = StringOf(root, "Action") switch
        {
            "start" => ContainerEventType.Started,
            "die" => ContainerEventType.Exited,
            "destroy" => ContainerEventType.Removed,
            _ => (ContainerEventType?)null,
        };
        if (type is null)
        {
            return null;
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        int? exitCode = null;
        if (actor.TryGetProperty("Attributes", out var attributes) && attributes.ValueKind == JsonValueKind.Object)
        {
            foreach (var attribute in attributes.EnumerateObject())
            {
                var value = attribute.Value.ValueKind == JsonValueKind.String ? attribute.Value.GetString() ?? string.Empty : attribute.Value.ToString();
                if (attribute.Name == "exitCode" && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code))
                {
                    exitCode = code;
                }

                if (!EngineAttributes.Contains(attribute.Name))
                {
                    labels[attribute.Name] = value;
                }
            }
        }

        var time = DateTimeOffset.FromUnixTimeMilliseconds(timeNano / 1_000_000);
        return new ContainerEvent(type.Value, StringOf(actor, "ID") ?? string.Empty, labels, type == ContainerEventType.Exited ? exitCode : null, time);
    }

    /// <summary>Formats nanoseconds since the epoch as the "since" parameter wants it ("seconds.nanoseconds").</summary>
    public static string FormatSince(long timeNano) =>
        string.Create(CultureInfo.InvariantCulture, $"{timeNano / 1_000_000_000}.{timeNano % 1_000_000_000:D9}");

    private static string? StringOf(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
