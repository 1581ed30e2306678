using System.Text;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker;

/// <summary>A pod's /etc/hosts as the engine writes it, with the services' names added.</summary>
internal static class HostsFile
{
    private const string Standard =
        "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\n"
        + "ff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n";

    public static string Render(IReadOnlyList<HostAlias> services, string? ownAddress, string? hostName)
    {
        var text = new StringBuilder(Standard);
        text.Append("# services (Orchestration.Sdk)\n");
        foreach (var alias in services)
        {
            text.Append(alias.IP).Append('\t').Append(string.Join(' ', alias.HostNames)).Append('\n');
        }

        if (!string.IsNullOrEmpty(ownAddress) && !string.IsNullOrEmpty(hostName))
        {
            text.Append(ownAddress).Append('\t').Append(hostName).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The engine's ExtraHosts entries ("name:address") for a new sandbox.</summary>
    public static IList<string> ExtraHosts(IReadOnlyList<HostAlias> services) =>
        [.. services.SelectMany(a => a.HostNames.Select(n => n + ":" + a.IP))];
}
