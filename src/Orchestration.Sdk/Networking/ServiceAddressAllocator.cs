using System.Net;

namespace Orchestration.Sdk.Networking;

/// <summary>
/// Picks free virtual addresses and host ports for services: cluster IPs from 10.96.0.0/12 (10.96.0.1 is kept for
/// the API server, as in Kubernetes) and host ports from 30000–32767, lowest free first. Callers serialize allocation.
/// </summary>
internal static class ServiceAddressAllocator
{
    public const int NodePortMin = 30000;
    public const int NodePortMax = 32767;
    private const uint RangeStart = (10u << 24) | (96u << 16);
    private const uint RangeSize = 1u << 20;

    public static string? NextClusterIP(IEnumerable<string?> inUse)
    {
        var used = new HashSet<string>(inUse.OfType<string>(), StringComparer.Ordinal);
        for (var offset = 2u; offset < RangeSize - 1; offset++)
        {
            var candidate = Format(RangeStart + offset);
            if (!used.Contains(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <param name="inUse">Ports the store's services hold.</param>
    /// <param name="accept">Whether the host can give the port (a real listener will bind it); null accepts all.</param>
    public static int? NextNodePort(ISet<int> inUse, Func<int, bool>? accept = null)
    {
        for (var port = NodePortMin; port <= NodePortMax; port++)
        {
            if (!inUse.Contains(port) && (accept is null || accept(port)))
            {
                return port;
            }
        }

        return null;
    }

    private static string Format(uint address) =>
        new IPAddress([(byte)(address >> 24), (byte)(address >> 16), (byte)(address >> 8), (byte)address]).ToString();
}
