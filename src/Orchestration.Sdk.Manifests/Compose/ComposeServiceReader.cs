using System.Text.Json.Nodes;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Manifests.Compose;

/// <summary>Reads one Compose service into a <see cref="ComposeServicePlan"/>; every key is mapped or reported, none is dropped.</summary>
internal sealed class ComposeServiceReader(string service, ComposeProblems problems, ComposeFile file)
{
    private const string Kind = "service";

    public ComposeServicePlan Read(JsonObject spec)
    {
        var plan = new ComposeServicePlan(service);
        int? scale = null;
        foreach (var (key, value) in spec)
        {
            switch (key)
            {
                case "image":
                    plan.Image = Text(key, value);
                    break;
                case "entrypoint":
                    plan.Command = Command(key, value);
                    break;
                case "command":
                    plan.Args = Command(key, value);
                    break;
                case "working_dir":
                    plan.WorkingDirectory = Text(key, value);
                    break;
                case "environment":
                    Environment(value, plan);
                    break;
                case "env_file":
                    break; // read first, below, so that environment wins as in Compose
                case "ports":
                    ComposePorts.ReadPorts(value, key, service, problems, plan);
                    break;
                case "expose":
                    ComposePorts.ReadExpose(value, key, service, problems, plan);
                    break;
                case "depends_on":
                    DependsOn(value, plan);
                    break;
                case "healthcheck":
                    plan.Readiness = ComposeHealthcheck.Read(value, service, problems);
                    break;
                case "deploy":
                    ComposeDeploy.Read(value, service, problems, plan);
                    break;
                case "scale":
                    scale = Text(key, value) is { } s && int.TryParse(s, out var n) && n >= 0 ? n : Invalid<int?>(key, value, "must be a whole number >= 0");
                    break;
                case "restart":
                    Restart(value, plan);
                    break;
                case "stop_grace_period":
                    plan.GracePeriod = Text(key, value) is { } d && ComposeValues.Seconds(d) is { } seconds ? TimeSpan.FromSeconds(seconds) : Invalid<TimeSpan?>(key, value, "must be a duration in whole seconds such as 10s or 1m30s");
                    break;
                case "configs" or "secrets":
                    file.Objects.AddRange(ComposeMounts.Read(value, key == "secrets", service, key == "secrets" ? file.Secrets : file.Configs, problems, plan)
                        .Select(o => (key == "secrets", o.Name, o.Data)));
                    break;
                case "volumes":
                    ComposeVolumes.Read(value, service, file.Claims, problems, plan);
                    break;
                case "tmpfs":
                    ComposeVolumes.ReadTmpfs(value, service, problems, plan);
                    break;
                case var x when x.StartsWith("x-", StringComparison.Ordinal):
                    break; // Compose extensions are for the user's own tools, by the specification
                case var unsupported when ComposeKeys.UnsupportedServiceKeys.Contains(unsupported):
                    problems.Forbidden(Kind, service, key, ComposeKeys.Why(key));
                    break;
                default:
                    problems.Unknown(Kind, service, key);
                    break;
            }
        }

        if (spec["env_file"] is { } envFile)
        {
            var fromFiles = new ComposeServicePlan(service);
            ComposeEnvFile.Read(envFile, "env_file", service, file.BaseDirectory, problems, fromFiles);
            foreach (var (name, value) in fromFiles.Environment.Where(e => !plan.Environment.ContainsKey(e.Key)))
            {
                plan.Environment[name] = value;
            }
        }

        Finish(spec, plan, scale);
        return plan;
    }

    private void Finish(JsonObject spec, ComposeServicePlan plan, int? scale)
    {
        if (plan.Image is null && !spec.ContainsKey("build") && !spec.ContainsKey("image"))
        {
            problems.Add(Kind, service, "image", "Required value: a service names its image");
        }

        if (scale is not null && plan.Replicas is not null && scale != plan.Replicas)
        {
            problems.Invalid(Kind, service, "scale", JsonValue.Create(scale), $"differs from deploy.replicas ({plan.Replicas})");
        }

        plan.Replicas ??= scale;
        if (plan.Replicas is > 1 && plan.Volumes.FirstOrDefault(v => v.Claim is not null) is { } shared)
        {
            problems.Invalid(Kind, service, "volumes", JsonValue.Create(shared.Claim), $"a named volume is one ReadWriteOnce PersistentVolumeClaim, which {plan.Replicas} replicas would share on one node: give the service 1 replica, or use a StatefulSet with a volumeClaimTemplate (one claim per replica) in a manifest");
        }

        if (plan.PodRestartPolicy is not null && plan.Replicas is not null and not 1)
        {
            problems.Invalid(Kind, service, "restart", spec["restart"], $"a service that is not restarted becomes one standalone Pod, which cannot have {plan.Replicas} replicas: use restart: always");
        }
    }

    private List<string>? Command(string key, JsonNode? value)
    {
        if (value is JsonArray)
        {
            return problems.Strings(Kind, service, key, value);
        }

        var text = Text(key, value);
        return text is null ? null : ComposeValues.ShellWords(text) ?? Invalid<List<string>>(key, value, "a quote is not closed");
    }

    private void Environment(JsonNode? value, ComposeServicePlan plan)
    {
        var entries = value switch
        {
            JsonObject map => map.Select(p => (p.Key, Value: p.Value, Field: $"environment.{p.Key}")).ToList(),
            JsonArray list => list.Select((n, i) => problems.Text(Kind, service, $"environment[{i}]", n) is { } item
                ? (Key: item.Split('=')[0], Value: item.Contains('=', StringComparison.Ordinal) ? JsonValue.Create(item[(item.IndexOf('=', StringComparison.Ordinal) + 1)..]) : null, Field: $"environment[{i}]")
                : (Key: string.Empty, Value: (JsonNode?)null, Field: string.Empty)).Where(e => e.Field.Length > 0).ToList(),
            _ => null,
        };
        if (entries is null)
        {
            problems.Invalid(Kind, service, "environment", value, "must be a mapping or a list of NAME=VALUE");
            return;
        }

        foreach (var (name, node, field) in entries)
        {
            if (node is null)
            {
                problems.Forbidden(Kind, service, field, $"\"{name}\" has no value: a variable taken from the host's environment has no equivalent");
            }
            else if (problems.Text(Kind, service, field, node) is { } text)
            {
                plan.Environment[name] = text;
            }
        }
    }

    private void DependsOn(JsonNode? value, ComposeServicePlan plan)
    {
        var deps = new List<string>();
        var entries = value switch
        {
            JsonArray list => list.Select((n, i) => (Name: problems.Text(Kind, service, $"depends_on[{i}]", n), Spec: (JsonObject?)null, Field: $"depends_on[{i}]")).ToList(),
            JsonObject map => map.Select(p => (Name: (string?)p.Key, Spec: problems.Map(Kind, service, $"depends_on.{p.Key}", p.Value), Field: $"depends_on.{p.Key}")).ToList(),
            _ => null,
        };
        if (entries is null)
        {
            problems.Invalid(Kind, service, "depends_on", value, "must be a list of services or a mapping of service to condition");
            return;
        }

        foreach (var (name, spec, field) in entries)
        {
            if (name is null)
            {
                continue;
            }

            if (!file.Services.ContainsKey(name))
            {
                problems.Invalid(Kind, service, field, JsonValue.Create(name), "no service of that name is declared");
                continue;
            }

            var condition = spec?["condition"] is { } c ? problems.Text(Kind, service, $"{field}.condition", c) : "service_started";
            foreach (var (key, v) in spec ?? [])
            {
                if (key == "restart" && v?.ToJsonString() == "true")
                {
                    problems.Forbidden(Kind, service, $"{field}.restart", "restarting a dependent when its dependency restarts has no equivalent");
                }
                else if (key is not ("condition" or "required" or "restart"))
                {
                    problems.Unknown(Kind, service, $"{field}.{key}");
                }
            }

            switch (condition)
            {
                case "service_started":
                    break;
                case "service_healthy" when file.Services[name]["healthcheck"] is null:
                    problems.Invalid(Kind, service, $"{field}.condition", JsonValue.Create(condition), $"service \"{name}\" has no healthcheck to be healthy by");
                    continue;
                case "service_healthy":
                    break;
                case "service_completed_successfully":
                    problems.Forbidden(Kind, service, $"{field}.condition", "service_completed_successfully has no equivalent for a long-running workload (it needs a Job or an init container, not supported yet)");
                    continue;
                case null:
                    continue;
                default:
                    problems.Invalid(Kind, service, $"{field}.condition", JsonValue.Create(condition), "must be service_started, service_healthy or service_completed_successfully");
                    continue;
            }

            deps.Add($"{name}:{condition}");
        }

        if (deps.Count > 0)
        {
            plan.Annotations[ComposeDeclarationExtensions.DependsOnAnnotation] = string.Join(',', deps);
        }
    }

    private void Restart(JsonNode? value, ComposeServicePlan plan)
    {
        switch (Text("restart", value))
        {
            case "always" or "unless-stopped" or null:
                break;
            case "no":
                plan.PodRestartPolicy = RestartPolicy.Never;
                break;
            case "on-failure":
                plan.PodRestartPolicy = RestartPolicy.OnFailure;
                break;
            case var text when text.StartsWith("on-failure:", StringComparison.Ordinal):
                problems.Forbidden(Kind, service, "restart", $"\"{text}\": a retry limit has no equivalent (Kubernetes restarts without a limit, with back-off); use on-failure");
                break;
            default:
                Invalid<string>("restart", value, "must be no, always, on-failure or unless-stopped");
                break;
        }
    }

    private string? Text(string key, JsonNode? value) => problems.Text(Kind, service, key, value);

    private T? Invalid<T>(string key, JsonNode? value, string why)
    {
        problems.Invalid(Kind, service, key, value, why);
        return default;
    }
}
