using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Orchestration.Sdk.Tests.Networking.Proxy;

/// <summary>
/// A tiny TCP backend on loopback: greets every connection with its name and a newline, then echoes whatever it receives
/// until the peer finishes sending, then closes. Counts the connections it accepted.
/// </summary>
internal sealed class EchoServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _accepted;

    public EchoServer(string name, string address)
    {
        Name = name;
        _listener = new TcpListener(IPAddress.Parse(address), 0);
        _listener.Start();
        EndPoint = (IPEndPoint)_listener.LocalEndpoint;
        _accepting = AcceptLoopAsync();
    }

    public string Name { get; }

    public IPEndPoint EndPoint { get; }

    public string IP => EndPoint.Address.ToString();

    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>Closes the listening socket: from now on a connect is refused.</summary>
    public void StopListening() => _listener.Stop();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (true)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            Interlocked.Increment(ref _accepted);
            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using (socket)
        {
            try
            {
                await socket.SendAsync(Encoding.ASCII.GetBytes(Name + "\n"), SocketFlags.None, _stop.Token);
                var buffer = new byte[1024];
                while (true)
                {
                    var read = await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                    if (read == 0)
                    {
                        break;
                    }

                    await socket.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stop.Token);
                }

                socket.Shutdown(SocketShutdown.Both);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
            }
        }
    }
}
