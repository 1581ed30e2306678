using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Orchestration.Sdk.Networking.Proxy;

/// <summary>
/// One listening socket of the service proxy (a service port on the service address, or a host port): accepts
/// connections and relays each to a ready backend, picked round-robin; a backend that refuses or does not answer
/// within the connect timeout is skipped for the next one, so a pod that just died loses no connection.
/// </summary>
internal sealed class ProxyListener : IAsyncDisposable
{
    private const int BufferSize = 16 * 1024;
    private readonly TcpListener _listener;
    private readonly ProxyBackends _backends;
    private readonly TimeSpan _connectTimeout;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    private ProxyListener(TcpListener listener, string service, ProxyBackends backends, TimeSpan connectTimeout, ILogger logger, TimeProvider time)
    {
        _time = time;
        _listener = listener;
        Service = service;
        _backends = backends;
        _connectTimeout = connectTimeout;
        _logger = logger;
        _accepting = AcceptLoopAsync(_stop.Token);
    }

    /// <summary>The service and port this listener serves ("default/web:http").</summary>
    public string Service { get; }

    /// <summary>Where it listens.</summary>
    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndpoint;

    public ProxyBackends Backends => _backends;

    /// <summary>Binds and starts accepting; throws <see cref="SocketException"/> when the address is taken.</summary>
    public static ProxyListener Start(
        IPEndPoint endPoint, string service, ProxyBackends backends, TimeSpan connectTimeout, ILogger logger, TimeProvider? time = null)
    {
        var listener = new TcpListener(endPoint);
        listener.Server.NoDelay = true;
        listener.Start(512);
        return new ProxyListener(listener, service, backends, connectTimeout, logger, time ?? TimeProvider.System);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        try
        {
            await _accepting.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync(CancellationToken ct)
    {
        await Task.Yield();
        while (!ct.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException || ct.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException e)
            {
                ServiceProxyLog.AcceptFailed(_logger, e, Service);
                continue;
            }

            _ = RelayAsync(client, ct);
        }
    }

    private async Task RelayAsync(Socket client, CancellationToken ct)
    {
        client.NoDelay = true;
        using (client)
        {
            var (backend, endpoint) = await ConnectAsync(ct).ConfigureAwait(false);
            if (backend is null || endpoint is null)
            {
                ServiceProxyLog.NoBackend(_logger, Service, _backends.Current.Length);
                client.Close(0); // a reset, as kube-proxy's userspace mode does when no endpoint takes the connection
                return;
            }

            try
            {
                using (backend)
                {
                    await PumpAsync(client, backend, ct).ConfigureAwait(false);
                }
            }
            finally
            {
                _backends.Leave(endpoint);
            }
        }
    }

    private async Task<(Socket? Socket, IPEndPoint? EndPoint)> ConnectAsync(CancellationToken ct)
    {
        foreach (var endpoint in _backends.Order())
        {
            if (!_backends.TryEnter(endpoint))
            {
                continue;
            }

            var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            using var deadline = new CancellationTokenSource(_connectTimeout, _time);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
            try
            {
                await socket.ConnectAsync(endpoint, timeout.Token).ConfigureAwait(false);
                return (socket, endpoint);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                // Uncounted on every failure, a stop too: a leaked count would hold this address's next drain for its whole grace period.
                socket.Dispose();
                _backends.Leave(endpoint);
                ct.ThrowIfCancellationRequested();
                ServiceProxyLog.BackendFailed(_logger, Service, endpoint.ToString(), e.Message);
            }
        }

        return (null, null);
    }

    /// <summary>Copies both ways; when one side finishes sending, the other side's send half is shut (half-close).</summary>
    private static async Task PumpAsync(Socket client, Socket backend, CancellationToken ct)
    {
        var up = CopyAsync(client, backend, ct);
        var down = CopyAsync(backend, client, ct);
        await Task.WhenAll(up, down).ConfigureAwait(false);
    }

    private static async Task CopyAsync(Socket from, Socket to, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, ct).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, ct).ConfigureAwait(false);
            }

            to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // One side went away: close both, so the other copy ends too.
            from.Close(0);
            to.Close(0);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
