using System.Text.Json.Nodes;

namespace Orchestration.Sdk.Manifests.Compose;

/// <summary><c>deploy</c>: <c>replicas</c>, <c>mode: replicated</c> and <c>resources</c> (limits → limits, reservations → requests; cpus and memory).</summary>
internal static class ComposeDeploy
{
    private const string Kind = "service";

    public static void Read(JsonNode? node, string service, ComposeProblems problems, ComposeServicePlan plan)
    {
        if (problems.Map(Kind, service, "deploy", node) is not { } map)
        {
            return;
        }

        foreach (var (key, value) in map)
        {
            var field = $"deploy.{key}";
            switch (key)
            {
                case "replicas":
                    if (problems.Text(Kind, service, field, value) is { } text && int.TryParse(text, out var n) && n >= 0)
                    {
                        plan.Replicas = n;
                    }
                    else
                    {
                        problems.Invalid(Kind, service, field, value, "must be a whole number >= 0");
                    }

                    break;
                case "mode":
                    if (problems.Text(Kind, service, field, value) is not "replicated")
                    {
                        problems.Forbidden(Kind, service, field, $"mode {ComposeProblems.Show(value)} has no equivalent (a DaemonSet is not supported); use replicated");
                    }

                    break;
                case "resources":
                    Resources(value, service, problems, plan);
                    break;
                case "endpoint_mode" or "labels" or "placement" or "restart_policy" or "rollback_config" or "update_config":
                    problems.Forbidden(Kind, service, field, $"{key} has no equivalent in Orchestration.Sdk{(key == "restart_policy" ? " (use restart)" : string.Empty)}");
                    break;
                default:
                    problems.Unknown(Kind, service, field);
                    break;
            }
        }
    }

    private static void Resources(JsonNode? node, string service, ComposeProblems problems, ComposeServicePlan plan)
    {
        if (problems.Map(Kind, service, "deploy.resources", node) is not { } map)
        {
            return;
        }

        string? cpu = null, memory = null, cpuLimit = null, memoryLimit = null;
        foreach (var (key, value) in map)
        {
            var field = $"deploy.resources.{key}";
            if (key is not ("limits" or "reservations"))
            {
                problems.Unknown(Kind, service, field);
                continue;
            }

            if (problems.Map(Kind, service, field, value) is not { } amounts)
            {
                continue;
            }

            foreach (var (resource, amount) in amounts)
            {
                var at = $"{field}.{resource}";
                var text = problems.Text(Kind, service, at, amount);
                var quantity = resource switch
                {
                    "cpus" => text is null ? null : ComposeValues.Cpus(text),
                    "memory" => text is null ? null : ComposeValues.Memory(text),
                    _ => null,
                };
                if (resource is not ("cpus" or "memory"))
                {
                    problems.Forbidden(Kind, service, at, $"{resource} has no equivalent (only cpus and memory are mapped)");
                }
                else if (quantity is null)
                {
                    if (text is not null)
                    {
                        problems.Invalid(Kind, service, at, amount, resource == "cpus" ? "must be a positive number of CPUs such as 0.5" : "must be a byte size such as 512m or 1g");
                    }
                }
                else if (key == "limits")
                {
                    (cpuLimit, memoryLimit) = resource == "cpus" ? (quantity, memoryLimit) : (cpuLimit, quantity);
                }
                else
                {
                    (cpu, memory) = resource == "cpus" ? (quantity, memory) : (cpu, quantity);
                }
            }
        }

        plan.Resources = (cpu, memory, cpuLimit, memoryLimit);
    }
}
