using System.Net;
using Microsoft.Extensions.Options;

namespace Orchestration.Sdk.Networking.Proxy;

/// <summary>
/// Host ports for services that did not ask for one, when the service proxy listens on them: a port is given only when
/// nothing on the host listens on it at <see cref="ServiceProxyOptions.HostAddress"/> and no other app in this process
/// took it. A port accepted here stays taken for this process.
/// </summary>
internal sealed class ProxyHostPorts(IOptions<ServiceProxyOptions> options)
{
    private readonly IPAddress _address = IPAddress.Parse(options.Value.HostAddress);

    public bool TryReserve(int port) => HostPortReservations.TryReserve(_address, port);
}
