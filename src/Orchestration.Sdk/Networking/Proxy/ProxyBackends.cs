using System.Net;

namespace Orchestration.Sdk.Networking.Proxy;

/// <summary>
/// The ready endpoints of one service port, replaced as a whole on every change, with a round-robin cursor. New
/// connections are spread over them in turn; open ones are counted in the proxy-wide <see cref="ProxyConnections"/>.
/// </summary>
internal sealed class ProxyBackends(ProxyConnections connections)
{
    private volatile IPEndPoint[] _endpoints = [];
    private int _next = -1;

    public IPEndPoint[] Current => _endpoints;

    public void Set(IPEndPoint[] endpoints) => _endpoints = endpoints;

    /// <summary>The endpoints to try for one new connection: all of them, starting at the next in turn.</summary>
    public IEnumerable<IPEndPoint> Order()
    {
        var snapshot = _endpoints;
        if (snapshot.Length == 0)
        {
            yield break;
        }

        var start = (int)((uint)Interlocked.Increment(ref _next) % (uint)snapshot.Length);
        for (var i = 0; i < snapshot.Length; i++)
        {
            yield return snapshot[(start + i) % snapshot.Length];
        }
    }

    /// <summary>
    /// Counts a connection to <paramref name="endpoint"/>, unless it stopped being a backend meanwhile. Counted first,
    /// checked second: a drain that saw the endpoint gone and no connection open can never miss this one.
    /// </summary>
    public bool TryEnter(IPEndPoint endpoint)
    {
        var ip = endpoint.Address.ToString();
        connections.Enter(ip);
        if (Array.IndexOf(_endpoints, endpoint) >= 0)
        {
            return true;
        }

        connections.Leave(ip);
        return false;
    }

    public void Leave(IPEndPoint endpoint) => connections.Leave(endpoint.Address.ToString());
}
