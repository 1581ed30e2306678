using System.Globalization;
using System.Net;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Networking;

/// <summary>
/// The Docker-links style environment variables the kubelet gives every container for the services of its namespace
/// that exist (with a cluster IP) when it starts (kubelet's envvars.FromServices): <c>WEB_SERVICE_HOST</c>,
/// <c>WEB_SERVICE_PORT</c>, <c>WEB_SERVICE_PORT_&lt;NAME&gt;</c>, <c>WEB_PORT</c>, <c>WEB_PORT_80_TCP</c> and its
/// <c>_PROTO</c>, <c>_PORT</c>, <c>_ADDR</c>. The container's own variables win over these.
/// </summary>
internal static class ServiceEnvironment
{
    /// <summary>The container's environment with the variables of <paramref name="services"/> (the pod's namespace's) added under it.</summary>
    public static IReadOnlyDictionary<string, string> AddTo(IReadOnlyDictionary<string, string> environment, IReadOnlyList<Service> services)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(services);
        if (services.Count == 0)
        {
            return environment;
        }

        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in FromServices(services))
        {
            merged[variable.Name] = variable.Value;
        }

        foreach (var (name, value) in environment)
        {
            merged[name] = value;
        }

        return merged;
    }

    /// <summary>The variables for <paramref name="services"/>, as envvars.go builds them; services without a cluster IP are skipped.</summary>
    public static List<EnvVar> FromServices(IEnumerable<Service> services)
    {
        var result = new List<EnvVar>();
        foreach (var service in services)
        {
            if (string.IsNullOrEmpty(service.Spec.ClusterIP) || service.Spec.ClusterIP == "None" || service.Spec.Ports.Count == 0)
            {
                continue;
            }

            var prefix = VariableName(service.Metadata.Name);
            result.Add(new EnvVar(prefix + "_SERVICE_HOST", service.Spec.ClusterIP));
            var portName = prefix + "_SERVICE_PORT";
            result.Add(new EnvVar(portName, Number(service.Spec.Ports[0].Port)));
            foreach (var port in service.Spec.Ports)
            {
                if (!string.IsNullOrEmpty(port.Name))
                {
                    result.Add(new EnvVar(portName + "_" + VariableName(port.Name), Number(port.Port)));
                }
            }

            result.AddRange(LinkVariables(prefix, service));
        }

        return result;
    }

    private static IEnumerable<EnvVar> LinkVariables(string prefix, Service service)
    {
        for (var i = 0; i < service.Spec.Ports.Count; i++)
        {
            var port = service.Spec.Ports[i];
            var protocol = string.IsNullOrEmpty(port.Protocol) ? "TCP" : port.Protocol;
            var lower = protocol.ToLowerInvariant();
            var hostPort = JoinHostPort(service.Spec.ClusterIP!, port.Port);
            if (i == 0)
            {
                yield return new EnvVar(prefix + "_PORT", $"{lower}://{hostPort}"); // Docker special-cases the first port
            }

            var portPrefix = $"{prefix}_PORT_{Number(port.Port)}_{protocol.ToUpperInvariant()}";
            yield return new EnvVar(portPrefix, $"{lower}://{hostPort}");
            yield return new EnvVar(portPrefix + "_PROTO", lower);
            yield return new EnvVar(portPrefix + "_PORT", Number(port.Port));
            yield return new EnvVar(portPrefix + "_ADDR", service.Spec.ClusterIP!);
        }
    }

    /// <summary>makeEnvVariableName: upper case, '-' becomes '_'.</summary>
    private static string VariableName(string name) => name.Replace('-', '_').ToUpperInvariant();

    private static string JoinHostPort(string host, int port) =>
        (IPAddress.TryParse(host, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{host}]" : host) + ":" + Number(port);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
