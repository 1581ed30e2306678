using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Kubernetes.Streams.Spdy;

namespace Orchestration.Sdk.Kubernetes.Tests.Streams.Spdy;

/// <summary>
/// The SPDY port-forward server against a client that frames and compresses as moby/spdystream does (kubectl's
/// SPDY library), over an in-memory connection; the real kubectl runs it on Docker (KubectlPodStreamsTests).
/// </summary>
public sealed class SpdyPortForwardTests : IAsyncDisposable
{
    private readonly Pipe _toServer = new();
    private readonly Pipe _toClient = new();
    private readonly Pipe _toPod = new();
    private readonly Pipe _fromPod = new();
    private readonly FakeTimeProvider _time = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<int> _dialled = [];
    private readonly SpdyTestClient _client;
    private readonly SpdyConnection _server;
    private readonly Task _serving;

    public SpdyPortForwardTests()
    {
        Streams = new FakePodStreams
        {
            Connect = port =>
            {
                _dialled.Add(port);
                return new DuplexStream(_fromPod.Reader.AsStream(), _toPod.Writer.AsStream());
            },
        };
        _client = new SpdyTestClient(new DuplexStream(_toClient.Reader.AsStream(), _toServer.Writer.AsStream()));
        var forward = new SpdyPortForward(Streams, FakePodStreams.Pod(), _time);
        _server = new SpdyConnection(new DuplexStream(_toServer.Reader.AsStream(), _toClient.Writer.AsStream()), forward.OnStreamAsync);
        _serving = _server.RunAsync(_stop.Token);
    }

    private FakePodStreams Streams { get; }

    [Fact]
    public void Dictionary_IsTheSpdy3DictionaryByLengthAndAdler32()
    {
        var bytes = SpdyDictionary.Bytes;
        uint a = 1, b = 0;
        foreach (var x in bytes)
        {
            a = (a + x) % 65521;
            b = (b + a) % 65521;
        }

        Assert.Equal(1423, bytes.Length);
        Assert.Equal(0xE3C6A7C2u, (b << 16) | a);
    }

    [Fact]
    public async Task ErrorAndDataStreams_AreRepliedPaired_AndCarryBytesBothWaysUntilThePodCloses()
    {
        var error = await _client.OpenAsync("error", "8080", "0");
        var (reply1, headers1) = await _client.ReadAsync();
        var data = await _client.OpenAsync("data", "8080", "0");
        var (reply2, _) = await _client.ReadAsync();
        await _client.SendAsync(data, "GET / HTTP/1.0\r\n\r\n"u8.ToArray());
        var request = new byte[18];
        await _toPod.Reader.AsStream().ReadExactlyAsync(request);
        await _fromPod.Writer.WriteAsync("HTTP/1.0 200 OK\r\n\r\nhi"u8.ToArray());
        await _fromPod.Writer.CompleteAsync();
        var frames = await _client.ReadUntilAsync(f => !f.IsControl && f.StreamId == error && f.IsFin);

        Assert.Equal((SpdyFrameType.SynReply, error), (reply1.Type, reply1.StreamId));
        Assert.Empty(headers1!);
        Assert.Equal((SpdyFrameType.SynReply, data), (reply2.Type, reply2.StreamId));
        Assert.Equal([8080], _dialled);
        Assert.Equal("GET / HTTP/1.0\r\n\r\n", Encoding.ASCII.GetString(request));
        var body = frames.Where(f => !f.IsControl && f.StreamId == data).ToList();
        Assert.Equal("HTTP/1.0 200 OK\r\n\r\nhi", Encoding.ASCII.GetString(body.SelectMany(f => f.Payload).ToArray()));
        Assert.True(body[^1].IsFin, "the data stream ends with FIN when the pod closes");
        Assert.Empty(frames.Where(f => !f.IsControl && f.StreamId == error).SelectMany(f => f.Payload));
    }

    [Fact]
    public async Task AFailedDial_IsWrittenOnTheErrorStream_AsTheKubeletWordsIt()
    {
        Streams.Failure = new OrchestrationException("failed to connect to 10.0.0.5:9999 inside the pod: Connection refused");
        var error = await _client.OpenAsync("error", "9999", "7");
        await _client.OpenAsync("data", "9999", "7");
        var frames = await _client.ReadUntilAsync(f => !f.IsControl && f.StreamId == error && f.IsFin);

        var text = Encoding.UTF8.GetString(frames.Where(f => !f.IsControl && f.StreamId == error).SelectMany(f => f.Payload).ToArray());
        Assert.Equal("error forwarding port 9999 to pod web-1, uid uid-web-1: failed to connect to 10.0.0.5:9999 inside the pod: Connection refused", text);
    }

    [Fact]
    public async Task AStreamWithoutItsPartner_IsRefusedAfterThePairTimeout_AndNotBefore()
    {
        var error = await _client.OpenAsync("error", "8080", "3");
        await _client.ReadAsync();
        await _client.PingAsync(1);
        await _client.ReadAsync(); // the server reads frames in order: the stream's timer is set once the ping is answered

        _time.Advance(SpdyPortForward.PairTimeout - TimeSpan.FromSeconds(1));
        await _client.PingAsync(1);
        var beforeTimeout = await _client.ReadAsync();
        _time.Advance(TimeSpan.FromSeconds(1));
        var (reset, _) = await _client.ReadAsync();

        Assert.Equal(SpdyFrameType.Ping, beforeTimeout.Frame.Type);
        Assert.Equal((SpdyFrameType.RstStream, error, SpdyRstStatus.RefusedStream), (reset.Type, reset.StreamId, BinaryPrimitives.ReadUInt32BigEndian(reset.Payload.AsSpan(4))));
        Assert.Empty(_dialled);
    }

    [Theory]
    [InlineData("data", "0")]
    [InlineData("data", "http")]
    [InlineData("stdin", "8080")]
    public async Task AStreamWithABadTypeOrPort_IsReset(string type, string port)
    {
        var id = await _client.OpenAsync(type, port, "1");
        var frames = await _client.ReadUntilAsync(f => f.IsControl && f.Type == SpdyFrameType.RstStream);

        Assert.Equal(id, frames[^1].StreamId);
        Assert.Equal(SpdyRstStatus.ProtocolError, BinaryPrimitives.ReadUInt32BigEndian(frames[^1].Payload.AsSpan(4)));
        Assert.Empty(_dialled);
    }

    [Fact]
    public async Task Pings_AreEchoed_AndGoAwayEndsTheConnection()
    {
        await _client.PingAsync(5);
        var (pong, _) = await _client.ReadAsync();
        await _toServer.Writer.WriteAsync(SpdyFrame.GoAway(0));

        Assert.Equal((SpdyFrameType.Ping, 5u), (pong.Type, BinaryPrimitives.ReadUInt32BigEndian(pong.Payload)));
        await _serving.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _toServer.Writer.CompleteAsync();
        try
        {
            await _serving.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
            // The test stopped the server mid-read.
        }

        _server.Dispose();
        _stop.Dispose();
    }
}
