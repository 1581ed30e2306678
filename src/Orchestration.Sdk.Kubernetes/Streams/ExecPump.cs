using System.Net.WebSockets;
using System.Text.Json;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Runtime.Streams;

namespace Orchestration.Sdk.Kubernetes.Streams;

/// <summary>
/// Moves one exec session's bytes: output to channels 1 and 2, then the exit status on channel 3 and a normal close;
/// channel 0 to stdin, channel 4 resizes (<c>{"Width":80,"Height":24}</c>), and a v5 close signal for channel 0 (or
/// the client closing the socket) closes stdin.
/// </summary>
internal sealed class ExecPump
{
    private readonly ChannelWebSocket _socket;
    private readonly IContainerExecSession _session;
    private readonly ContainerExecOptions _options;
    private readonly bool _closeSignal;
    private readonly TimeProvider _time;

    public ExecPump(ChannelWebSocket socket, IContainerExecSession session, ContainerExecOptions options, bool closeSignal, TimeProvider time)
    {
        _time = time;
        _socket = socket;
        _session = session;
        _options = options;
        _closeSignal = closeSignal;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var inputStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var input = PumpInputAsync(inputStop.Token);
        try
        {
            await PumpOutputAsync(cancellationToken).ConfigureAwait(false);
            var exitCode = await _session.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            var status = exitCode == 0 ? StreamStatus.Success() : StreamStatus.NonZeroExit(_options.Command, exitCode);
            await _socket.SendAsync(StreamProtocols.Error, status, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ContainerRuntimeException or IOException && _socket.State == WebSocketState.Open)
        {
            await _socket.SendAsync(StreamProtocols.Error, StreamStatus.Internal(e.Message), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Close our side, then let the client read the status and answer the close before the connection goes:
            // returning at once resets the TCP connection under kubectl's last read.
            await _socket.CloseAsync(CancellationToken.None).ConfigureAwait(false);
            using (_time.CreateTimer(_ => inputStop.Cancel(), null, ChannelWebSocket.CloseGrace, Timeout.InfiniteTimeSpan))
            {
                await Ignore(input).ConfigureAwait(false);
            }
        }
    }

    private async Task PumpOutputAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[32 * 1024];
        while (true)
        {
            var read = await _session.ReadOutputAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read.Count == 0)
            {
                return;
            }

            await _socket.SendAsync((byte)read.Stream, buffer.AsMemory(0, read.Count), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task PumpInputAsync(CancellationToken cancellationToken)
    {
        while (await _socket.ReceiveAsync(cancellationToken).ConfigureAwait(false) is var (channel, data))
        {
            switch (channel)
            {
                case StreamProtocols.Stdin when _options.Stdin && data.Length > 0:
                    await _session.WriteInputAsync(data, cancellationToken).ConfigureAwait(false);
                    break;
                case StreamProtocols.Resize when TryReadSize(data, out var width, out var height):
                    await _session.ResizeAsync(width, height, cancellationToken).ConfigureAwait(false);
                    break;
                case StreamProtocols.Close when _closeSignal && data.Length > 0 && data[0] == StreamProtocols.Stdin:
                    await _session.CloseInputAsync(cancellationToken).ConfigureAwait(false);
                    break;
            }
        }

        await _session.CloseInputAsync(cancellationToken).ConfigureAwait(false);
    }

    internal static bool TryReadSize(ReadOnlySpan<byte> json, out int width, out int height)
    {
        width = height = 0;
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var root = document.RootElement;
            width = root.TryGetProperty("Width", out var w) ? w.GetInt32() : 0;
            height = root.TryGetProperty("Height", out var h) ? h.GetInt32() : 0;
            return width > 0 && height > 0;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return false;
        }
    }

    private static async Task Ignore(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException or ContainerRuntimeException)
        {
            // The input side ends with the session: a cancelled read or a socket the client already dropped.
        }
    }
}
