using System.Reflection;
using System.Text;

namespace Orchestration.Sdk.Docker;

/// <summary>Names the runtime gives: DNS-safe defaults, and kubelet-style container names.</summary>
internal static class DockerNames
{
    /// <summary>The entry assembly's name made DNS-safe, or "orchestration".</summary>
    public static string DefaultAppName() =>
        ToDnsLabel(Assembly.GetEntryAssembly()?.GetName().Name, "orchestration");

    /// <summary>Lowercases <paramref name="value"/>, maps other characters to '-', trims to 63 characters.</summary>
    public static string ToDnsLabel(string? value, string fallback)
    {
        var builder = new StringBuilder();
        foreach (var c in (value ?? string.Empty).ToLowerInvariant())
        {
            builder.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '-');
        }

        var label = builder.ToString();
        if (label.Length > 63)
        {
            label = label[..63];
        }

        label = label.Trim('-');
        return label.Length == 0 ? fallback : label;
    }

    /// <summary>The sandbox's name: "orch_POD_&lt;pod&gt;_&lt;namespace&gt;_&lt;uid&gt;", as the kubelet names them.</summary>
    public static string Sandbox(string podName, string podNamespace, string podUid) =>
        Sanitize($"orch_POD_{podName}_{podNamespace}_{podUid}");

    /// <summary>A container's name: "orch_&lt;container&gt;_&lt;pod&gt;_&lt;namespace&gt;_&lt;uid&gt;_&lt;restart count&gt;".</summary>
    public static string Container(string containerName, string podName, string podNamespace, string podUid, string attempt) =>
        Sanitize($"orch_{containerName}_{podName}_{podNamespace}_{podUid}_{attempt}");

    /// <summary>
    /// A pod's host name, as the kubelet's truncatePodHostnameIfNeeded: the pod's name (a DNS-1123 subdomain) cut to
    /// 63 characters, without a trailing '-' or '.'.
    /// </summary>
    public static string HostName(string podName)
    {
        var name = podName.Length > 63 ? podName[..63] : podName;
        name = name.TrimEnd('-', '.');
        return name.Length == 0 ? "pod" : name;
    }

    private static string Sanitize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' ? c : '-');
        }

        return builder.ToString();
    }
}
