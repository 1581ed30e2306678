using System.Net;
using Orchestration.Sdk.Networking.Proxy;

namespace Orchestration.Sdk.Tests.Networking.Proxy;

public class PortHolderTests
{
    private const string Header = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode";

    // Port 8080 (1F90): inode 111 listens on 10.0.0.10 and inode 222 on 127.0.0.1 (addresses in the host's byte order,
    // as the kernel prints them); inode 333 listens on 127.0.0.1:9090; inode 444 is an established connection on 8080.
    private static readonly string[] Tcp =
    [
        Header,
        "   0: " + Hex(IPAddress.Parse("10.0.0.10")) + ":1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 111 1 0000000000000000 100 0 0 10 0",
        "   1: " + Hex(IPAddress.Loopback) + ":1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 222 1 0000000000000000 100 0 0 10 0",
        "   2: " + Hex(IPAddress.Loopback) + ":2382 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 333 1 0000000000000000 100 0 0 10 0",
        "   3: " + Hex(IPAddress.Loopback) + ":1F90 0100007F:D431 01 00000000:00000000 00:00000000 00000000  1000        0 444 1 0000000000000000 100 0 0 10 0",
    ];

    private static readonly string[] Tcp6 =
    [
        Header,
        "   0: 00000000000000000000000000000000:2382 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 555 1 0000000000000000 100 0 0 10 0",
    ];

    private static string Hex(IPAddress v4) => BitConverter.ToUInt32(v4.GetAddressBytes()).ToString("X8", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void ListeningInodes_HolderOnTheSameAddress_IsTheOnlyOneNamed()
    {
        var inodes = PortHolder.ListeningInodes(new IPEndPoint(IPAddress.Loopback, 8080), [(Tcp, false), (Tcp6, true)]);

        Assert.Equal(["222"], inodes); // not 111, which listens on port 8080 at another address
    }

    [Fact]
    public void ListeningInodes_WildcardBind_ConflictsWithEveryListenerOnThePort()
    {
        var inodes = PortHolder.ListeningInodes(new IPEndPoint(IPAddress.Any, 8080), [(Tcp, false), (Tcp6, true)]);

        Assert.Equal(["111", "222"], inodes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ListeningInodes_WildcardListener_ConflictsWithASpecificAddress()
    {
        // Port 9090: 333 on 127.0.0.1 and 555 on [::]; binding 10.0.0.10:9090 is refused because of [::] only.
        var inodes = PortHolder.ListeningInodes(new IPEndPoint(IPAddress.Parse("10.0.0.10"), 9090), [(Tcp, false), (Tcp6, true)]);

        Assert.Equal(["555"], inodes);
    }

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1", true)]
    [InlineData("0.0.0.0", "127.0.0.1", true)]
    [InlineData("127.0.0.1", "0.0.0.0", true)]
    [InlineData("::", "10.1.2.3", true)]
    [InlineData("::ffff:127.0.0.1", "127.0.0.1", true)]
    [InlineData("10.0.0.10", "127.0.0.1", false)]
    public void Conflicts_FollowsBindRules(string listener, string wanted, bool expected) =>
        Assert.Equal(expected, PortHolder.Conflicts(IPAddress.Parse(listener), IPAddress.Parse(wanted)));
}
