using System.Text.Json.Nodes;

namespace Orchestration.Sdk.Manifests.Compose;

/// <summary>
/// <c>env_file</c>: one or more files of <c>KEY=VALUE</c> lines (blank lines and <c>#</c> comments skipped, values
/// optionally quoted), read relative to the Compose file's folder, in order, a later file replacing an earlier value.
/// </summary>
internal static class ComposeEnvFile
{
    public static void Read(JsonNode? node, string field, string service, string baseDirectory, ComposeProblems problems, ComposeServicePlan plan)
    {
        var entries = node is JsonArray list ? list.Select((n, i) => (n, $"{field}[{i}]")).ToList() : [(node, field)];
        foreach (var (entry, at) in entries)
        {
            string? path;
            var required = true;
            if (entry is JsonObject map)
            {
                path = problems.Text("service", service, $"{at}.path", map["path"]);
                required = map["required"]?.ToJsonString() != "false";
                foreach (var key in map.Select(p => p.Key).Where(k => k is not ("path" or "required")))
                {
                    problems.Forbidden("service", service, $"{at}.{key}", $"{key} has no equivalent");
                }
            }
            else
            {
                path = problems.Text("service", service, at, entry);
            }

            if (path is null)
            {
                continue;
            }

            var full = Path.GetFullPath(path, baseDirectory);
            if (!File.Exists(full))
            {
                if (required)
                {
                    problems.Invalid("service", service, at, JsonValue.Create(path), $"no such file ({full})");
                }

                continue;
            }

            var lines = File.ReadAllLines(full);
            for (var i = 0; i < lines.Length; i++)
            {
                Line(lines[i].Trim(), $"{at} ({Path.GetFileName(full)} line {i + 1})", service, problems, plan);
            }
        }
    }

    private static void Line(string line, string at, string service, ComposeProblems problems, ComposeServicePlan plan)
    {
        if (line.Length == 0 || line.StartsWith('#'))
        {
            return;
        }

        if (line.StartsWith("export ", StringComparison.Ordinal))
        {
            line = line["export ".Length..].TrimStart();
        }

        var equals = line.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            problems.Forbidden("service", service, at, $"\"{line}\" has no value: a variable taken from the host's environment has no equivalent");
            return;
        }

        var value = line[(equals + 1)..].Trim();
        if (value.Length >= 2 && value[0] is '"' or '\'' && value[^1] == value[0])
        {
            value = value[1..^1];
        }
        else if (value.IndexOf(" #", StringComparison.Ordinal) is var comment and >= 0)
        {
            value = value[..comment].TrimEnd();
        }

        if (problems.Text("service", service, at, JsonValue.Create(value)) is { } literal)
        {
            plan.Environment[line[..equals].Trim()] = literal;
        }
    }
}
