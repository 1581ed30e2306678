using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Orchestration.Sdk.Networking.Proxy;

/// <summary>
/// Host ports handed to services in this process (several apps, or test hosts, may run side by side, each with its own
/// store), and a bind test against everything else on the host, so an allocated host port is one the proxy can listen on.
/// </summary>
internal static class HostPortReservations
{
    private static readonly ConcurrentDictionary<int, bool> Reserved = new();

    public static bool TryReserve(IPAddress address, int port)
    {
        if (!Reserved.TryAdd(port, true))
        {
            return false;
        }

        if (IsFree(address, port))
        {
            return true;
        }

        Reserved.TryRemove(port, out _);
        return false;
    }

    private static bool IsFree(IPAddress address, int port)
    {
        try
        {
            using var probe = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(address, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
