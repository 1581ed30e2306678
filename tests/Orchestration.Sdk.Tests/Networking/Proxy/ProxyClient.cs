using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Orchestration.Sdk.Tests.Networking.Proxy;

/// <summary>A client connection through the proxy; every read has a real-time bound of a few seconds.</summary>
internal sealed class ProxyClient : IDisposable
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(10);
    private readonly Socket _socket;

    private ProxyClient(Socket socket) => _socket = socket;

    /// <summary>Connects and reads the backend's greeting (its name).</summary>
    public static async Task<(ProxyClient Client, string Backend)> ConnectAsync(IPEndPoint endPoint)
    {
        var client = new ProxyClient(new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp));
        try
        {
            using var timeout = new CancellationTokenSource(ReadTimeout);
            await client._socket.ConnectAsync(endPoint, timeout.Token);
            var line = await client.ReadLineAsync();
            Assert.True(line is not null, $"the proxy on {endPoint} closed the connection without an answer");
            return (client, line);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Opens a connection, reads which backend answered, and closes it.</summary>
    public static async Task<string> AskAsync(IPEndPoint endPoint)
    {
        var (client, backend) = await ConnectAsync(endPoint);
        client.Dispose();
        return backend;
    }

    /// <summary>Opens one connection after the other (each closed before the next) and returns who answered each.</summary>
    public static async Task<List<string>> AskManyAsync(IPEndPoint endPoint, int count)
    {
        var answers = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            answers.Add(await AskAsync(endPoint));
        }

        return answers;
    }

    /// <summary>
    /// Connects without expecting an answer: true when the proxy closed (or reset) the connection without sending anything.
    /// </summary>
    public static async Task<bool> IsClosedWithoutAnswerAsync(IPEndPoint endPoint)
    {
        using var client = new ProxyClient(new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp));
        using var timeout = new CancellationTokenSource(ReadTimeout);
        try
        {
            // On loopback the reset can beat the connect's completion.
            await client._socket.ConnectAsync(endPoint, timeout.Token);
            return await client.ReadLineAsync() is null;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
        {
            return true;
        }
    }

    /// <summary>Sends a line and reads the echo.</summary>
    public async Task<string?> EchoAsync(string text)
    {
        using var timeout = new CancellationTokenSource(ReadTimeout);
        await _socket.SendAsync(Encoding.ASCII.GetBytes(text + "\n"), SocketFlags.None, timeout.Token);
        return await ReadLineAsync();
    }

    public void Dispose() => _socket.Dispose();

    /// <summary>Reads up to a newline; null at end of stream.</summary>
    private async Task<string?> ReadLineAsync()
    {
        using var timeout = new CancellationTokenSource(ReadTimeout);
        var line = new StringBuilder();
        var one = new byte[1];
        while (true)
        {
            var read = await _socket.ReceiveAsync(one, SocketFlags.None, timeout.Token);
            if (read == 0)
            {
                return line.Length == 0 ? null : line.ToString();
            }

            if (one[0] == (byte)'\n')
            {
                return line.ToString();
            }

            line.Append((char)one[0]);
        }
    }
}
