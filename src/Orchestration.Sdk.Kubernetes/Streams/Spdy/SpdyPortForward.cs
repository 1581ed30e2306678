using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime.Streams;

namespace Orchestration.Sdk.Kubernetes.Streams.Spdy;

/// <summary>
/// Port forwarding over SPDY as the kubelet serves <c>portforward.k8s.io</c>: for each forwarded connection the
/// client opens an error stream and a data stream with the same <c>port</c> and <c>requestid</c> headers. Once both
/// are there the pod's port is dialled and bytes flow on the data stream; a failure is written as text on the error
/// stream (kubectl prints it), and both streams are closed when the pod side ends. A pair that stays incomplete
/// for <see cref="PairTimeout"/> is reset.
/// </summary>
internal sealed class SpdyPortForward
{
    /// <summary>How long the first stream of a request waits for its partner (the kubelet's stream creation timeout).</summary>
    public static readonly TimeSpan PairTimeout = TimeSpan.FromSeconds(30);

    private readonly IPodStreams _streams;
    private readonly Pod _pod;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, Pair> _pairs = new(StringComparer.Ordinal);

    public SpdyPortForward(IPodStreams streams, Pod pod, TimeProvider time)
    {
        _streams = streams;
        _pod = pod;
        _time = time;
    }

    /// <summary>Handles one stream the client opened.</summary>
    public async Task OnStreamAsync(SpdyStream stream, CancellationToken cancellationToken)
    {
        var type = stream.Header("streamtype");
        var requestId = stream.Header("requestid") ?? string.Empty;
        if (type is not ("data" or "error") || !TryPort(stream.Header("port"), out var port))
        {
            await stream.ResetAsync(SpdyRstStatus.ProtocolError, cancellationToken).ConfigureAwait(false);
            return;
        }

        Pair pair;
        lock (_pairs)
        {
            if (!_pairs.TryGetValue(requestId, out pair!))
            {
                pair = new Pair(port);
                _pairs[requestId] = pair;
            }
        }

        if (type == "error")
        {
            pair.Error.TrySetResult(stream);
        }
        else
        {
            pair.Data.TrySetResult(stream);
        }

        if (!pair.TryClaim())
        {
            // The partner's handler runs the pair; this one is done.
            return;
        }

        try
        {
            await RunPairAsync(pair, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (_pairs)
            {
                _pairs.Remove(requestId);
            }
        }
    }

    internal static bool TryPort(string? value, out int port) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is >= 1 and <= 65535;

    private async Task RunPairAsync(Pair pair, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var timer = _time.CreateTimer(_ => wait.Cancel(), null, PairTimeout, Timeout.InfiniteTimeSpan);
        SpdyStream error;
        SpdyStream data;
        try
        {
            error = await pair.Error.Task.WaitAsync(wait.Token).ConfigureAwait(false);
            data = await pair.Data.Task.WaitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            foreach (var alone in new[] { pair.Error.Task, pair.Data.Task }.Where(t => t.IsCompletedSuccessfully))
            {
                await alone.Result.ResetAsync(SpdyRstStatus.RefusedStream, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        try
        {
            await ForwardAsync(pair.Port, data, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OrchestrationException or IOException or SocketException)
        {
            var message = $"error forwarding port {pair.Port} to pod {_pod.Metadata.Name}, uid {_pod.Metadata.Uid}: {e.Message}";
            await error.WriteAsync(Encoding.UTF8.GetBytes(message), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await data.CloseAsync(cancellationToken).ConfigureAwait(false);
            await error.CloseAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ForwardAsync(int port, SpdyStream data, CancellationToken cancellationToken)
    {
        var connection = await _streams.PortForwardAsync(_pod, port, cancellationToken).ConfigureAwait(false);
        await using var disposeConnection = connection.ConfigureAwait(false);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var toPod = ToPodAsync(data, connection, stop);
        var buffer = new byte[32 * 1024];
        int read;
        try
        {
            while ((read = await connection.ReadAsync(buffer, stop.Token).ConfigureAwait(false)) > 0)
            {
                await data.WriteAsync(buffer.AsMemory(0, read), stop.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (data.IsReset && e is IOException or OperationCanceledException)
        {
            // The client abandoned the connection; nothing to report.
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await toPod.ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
            {
                // The pod side ended first; what the client still sends has nowhere to go.
            }
        }
    }

    private static async Task ToPodAsync(SpdyStream data, Stream connection, CancellationTokenSource stop)
    {
        while (await data.ReadAsync(stop.Token).ConfigureAwait(false) is { } chunk)
        {
            await connection.WriteAsync(chunk, stop.Token).ConfigureAwait(false);
        }

        if (data.IsReset)
        {
            // The client dropped the connection (RST_STREAM): stop reading the pod too.
            await stop.CancelAsync().ConfigureAwait(false);
            return;
        }

        // The client half-closed: pass the end on, so a server that reads to the end answers and closes.
        if (connection is NetworkStream network)
        {
            network.Socket.Shutdown(SocketShutdown.Send);
        }
    }

    private sealed class Pair(int port)
    {
        private int _claimed;

        public int Port { get; } = port;

        public TaskCompletionSource<SpdyStream> Error { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<SpdyStream> Data { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>True for the first stream of the pair: its handler waits for the partner and runs the forwarding.</summary>
        public bool TryClaim() => Interlocked.Exchange(ref _claimed, 1) == 0;
    }
}
