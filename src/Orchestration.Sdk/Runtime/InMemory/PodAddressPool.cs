using System.Net;

namespace Orchestration.Sdk.Runtime.InMemory;

/// <summary>
/// A node's pod range, as a CNI host-local allocator: 10.244.&lt;node&gt;.0/24 (the flannel default), host part 2–254,
/// handed out round-robin so a released address is not reused at once. Nodes past the 256th continue into 10.245.x.
/// </summary>
internal sealed class PodAddressPool
{
    private const int First = 2;
    private const int Last = 254;
    private readonly uint _network;
    private readonly HashSet<int> _used = [];
    private int _next = First;

    public PodAddressPool(int nodeIndex)
    {
        _network = (10u << 24) + (244u << 16) + ((uint)nodeIndex << 8);
        Range = $"{Format(_network)}/24";
    }

    public string Range { get; }

    /// <summary>The next free address, or null when the range is exhausted.</summary>
    public string? Allocate()
    {
        for (var i = 0; i <= Last - First; i++)
        {
            var host = First + ((_next - First + i) % (Last - First + 1));
            if (_used.Add(host))
            {
                _next = host == Last ? First : host + 1;
                return Format(_network + (uint)host);
            }
        }

        return null;
    }

    public void Release(string address)
    {
        if (IPAddress.TryParse(address, out var ip))
        {
            var bytes = ip.GetAddressBytes();
            _used.Remove(bytes[3]);
        }
    }

    internal static string Format(uint address) =>
        $"{(address >> 24) & 0xFF}.{(address >> 16) & 0xFF}.{(address >> 8) & 0xFF}.{address & 0xFF}";
}
