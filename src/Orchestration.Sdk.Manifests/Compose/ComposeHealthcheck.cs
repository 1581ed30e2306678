using System.Text.Json.Nodes;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Manifests.Compose;

/// <summary>
/// <c>healthcheck</c> as a readiness probe that runs the test in the container (exec): <c>CMD</c> runs the words,
/// <c>CMD-SHELL</c> and a string run <c>/bin/sh -c</c>; interval, timeout, retries and start_period become
/// periodSeconds, timeoutSeconds, failureThreshold and initialDelaySeconds, with Compose's defaults (30s, 30s, 3, 0s).
/// Not a liveness probe: Docker marks an unhealthy container, it does not restart it.
/// </summary>
internal static class ComposeHealthcheck
{
    private const string Kind = "service";

    public static Probe? Read(JsonNode? node, string service, ComposeProblems problems)
    {
        if (problems.Map(Kind, service, "healthcheck", node) is not { } map)
        {
            return null;
        }

        var probe = new Probe { PeriodSeconds = 30, TimeoutSeconds = 30, FailureThreshold = 3 };
        List<string>? command = null;
        var disabled = false;
        foreach (var (key, value) in map)
        {
            var field = $"healthcheck.{key}";
            switch (key)
            {
                case "test":
                    command = Test(value, field, service, problems, out var none);
                    disabled |= none;
                    break;
                case "disable":
                    disabled |= value?.ToJsonString() == "true";
                    break;
                case "interval":
                    probe = probe with { PeriodSeconds = Seconds(value, field, service, problems, minimum: 1) ?? probe.PeriodSeconds };
                    break;
                case "timeout":
                    probe = probe with { TimeoutSeconds = Seconds(value, field, service, problems, minimum: 1) ?? probe.TimeoutSeconds };
                    break;
                case "start_period":
                    probe = probe with { InitialDelaySeconds = Seconds(value, field, service, problems, minimum: 0) ?? 0 };
                    break;
                case "retries":
                    probe = probe with { FailureThreshold = problems.Text(Kind, service, field, value) is { } r && int.TryParse(r, out var n) && n >= 1 ? n : Invalid(value, field, service, problems, "must be a whole number >= 1") ?? 3 };
                    break;
                case "start_interval":
                    problems.Forbidden(Kind, service, field, "start_interval has no equivalent (a probe has one period)");
                    break;
                default:
                    problems.Unknown(Kind, service, field);
                    break;
            }
        }

        if (disabled)
        {
            return null;
        }

        if (command is null)
        {
            if (!map.ContainsKey("test"))
            {
                problems.Add(Kind, service, "healthcheck.test", "Required value: the image's own HEALTHCHECK cannot be read: give test");
            }

            return null;
        }

        return probe with { Exec = new ExecAction { Command = [.. command] } };
    }

    private static List<string>? Test(JsonNode? value, string field, string service, ComposeProblems problems, out bool none)
    {
        none = false;
        if (value is JsonValue)
        {
            return problems.Text(Kind, service, field, value) is { } shell ? ["/bin/sh", "-c", shell] : null;
        }

        var words = problems.Strings(Kind, service, field, value);
        switch (words)
        {
            case null:
                return null;
            case ["NONE", ..]:
                none = true;
                return null;
            case ["CMD", _, ..]:
                return words[1..];
            case ["CMD-SHELL", var shell]:
                return ["/bin/sh", "-c", shell];
            default:
                problems.Invalid(Kind, service, field, value, "must be [\"CMD\", args...], [\"CMD-SHELL\", command], [\"NONE\"] or a command string");
                return null;
        }
    }

    private static int? Seconds(JsonNode? value, string field, string service, ComposeProblems problems, int minimum) =>
        problems.Text(Kind, service, field, value) is { } text && ComposeValues.Seconds(text) is { } s && s >= minimum
            ? s
            : Invalid(value, field, service, problems, $"must be a duration in whole seconds{(minimum > 0 ? " of at least 1s" : string.Empty)}, such as 10s or 1m30s (Kubernetes probes count in seconds)");

    private static int? Invalid(JsonNode? value, string field, string service, ComposeProblems problems, string why)
    {
        problems.Invalid(Kind, service, field, value, why);
        return null;
    }
}
