using System.Globalization;
using System.Text.Json.Nodes;

namespace Orchestration.Sdk.Manifests.Compose;

/// <summary><c>ports</c> (short <c>[HOST:]CONTAINER[/PROTOCOL]</c> and long syntax) and <c>expose</c> of a service.</summary>
internal static class ComposePorts
{
    public static void ReadPorts(JsonNode? node, string field, string service, ComposeProblems problems, ComposeServicePlan plan)
    {
        if (node is not JsonArray ports)
        {
            problems.Invalid("service", service, field, node, "must be a list");
            return;
        }

        for (var i = 0; i < ports.Count; i++)
        {
            var at = $"{field}[{i}]";
            var parsed = ports[i] is JsonObject map ? Long(map, at, service, problems) : Short(problems.Text("service", service, at, ports[i]), at, service, problems);
            if (parsed is { } p)
            {
                Add(plan, p.Container, p.Host, p.Protocol, at, service, problems);
            }
        }
    }

    public static void ReadExpose(JsonNode? node, string field, string service, ComposeProblems problems, ComposeServicePlan plan)
    {
        var items = problems.Strings("service", service, field, node);
        for (var i = 0; items is not null && i < items.Count; i++)
        {
            var parts = items[i].Split('/');
            if (Port(parts[0]) is { } port && (parts.Length == 1 || (parts.Length == 2 && parts[1] is "tcp" or "udp")))
            {
                Add(plan, port, null, parts.Length == 2 ? parts[1] : "tcp", $"{field}[{i}]", service, problems);
            }
            else
            {
                problems.Invalid("service", service, $"{field}[{i}]", JsonValue.Create(items[i]), "must be a port number 1-65535, optionally with /tcp or /udp");
            }
        }
    }

    private static (int Container, int? Host, string Protocol)? Short(string? text, string field, string service, ComposeProblems problems)
    {
        if (text is null)
        {
            return null;
        }

        var slash = text.Split('/');
        var protocol = slash.Length == 2 ? slash[1] : "tcp";
        var parts = slash[0].Split(':');
        if (slash.Length > 2 || parts.Length > 3 || protocol is not ("tcp" or "udp"))
        {
            problems.Invalid("service", service, field, JsonValue.Create(text), "must be [HOST:]CONTAINER[/PROTOCOL]");
            return null;
        }

        if (parts.Length == 3)
        {
            problems.Forbidden("service", service, field, $"a host IP (\"{parts[0]}\") has no equivalent: give HOST:CONTAINER");
            return null;
        }

        var container = Port(parts[^1]);
        var host = parts.Length == 2 ? Port(parts[0]) : null;
        if (container is null || (parts.Length == 2 && host is null))
        {
            problems.Invalid("service", service, field, JsonValue.Create(text), text.Contains('-', StringComparison.Ordinal)
                ? "port ranges are not supported: list each port"
                : "ports must be numbers 1-65535");
            return null;
        }

        return (container.Value, host, protocol);
    }

    private static (int Container, int? Host, string Protocol)? Long(JsonObject map, string field, string service, ComposeProblems problems)
    {
        int? container = null;
        int? host = null;
        var protocol = "tcp";
        var ok = true;
        foreach (var (key, value) in map)
        {
            var text = problems.Text("service", service, $"{field}.{key}", value);
            switch (key)
            {
                case "target":
                    container = text is null ? null : Port(text);
                    ok &= container is not null;
                    break;
                case "published":
                    host = text is null ? null : Port(text);
                    ok &= host is not null;
                    break;
                case "protocol" when text is "tcp" or "udp":
                    protocol = text;
                    break;
                case "mode" when text is "ingress":
                    break;
                case "host_ip" or "mode" or "name" or "app_protocol" or "protocol":
                    problems.Forbidden("service", service, $"{field}.{key}", $"{key}: {ComposeProblems.Show(value)} has no equivalent");
                    ok = false;
                    break;
                default:
                    problems.Unknown("service", service, $"{field}.{key}");
                    ok = false;
                    break;
            }
        }

        if (container is null && ok)
        {
            problems.Add("service", service, $"{field}.target", "Required value: a port names its target (the container port, 1-65535)");
        }

        return ok && container is { } c ? (c, host, protocol) : null;
    }

    private static void Add(ComposeServicePlan plan, int container, int? host, string protocol, string field, string service, ComposeProblems problems)
    {
        var upper = protocol.ToUpperInvariant();
        if (!plan.ContainerPorts.Contains((container, upper)))
        {
            plan.ContainerPorts.Add((container, upper));
        }

        if (upper != "TCP")
        {
            problems.Forbidden("service", service, field, "UDP has no Service equivalent: the SDK's Services forward TCP only");
            return;
        }

        var existing = plan.ServicePorts.FindIndex(p => p.Port == container);
        if (existing < 0)
        {
            plan.ServicePorts.Add((container, host));
        }
        else if (host is not null && plan.ServicePorts[existing].HostPort is null)
        {
            plan.ServicePorts[existing] = (container, host);
        }
        else if (host is not null)
        {
            problems.Forbidden("service", service, field, $"container port {container} is published twice: a Service port has one host port");
        }
    }

    private static int? Port(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535 ? port : null;
}
