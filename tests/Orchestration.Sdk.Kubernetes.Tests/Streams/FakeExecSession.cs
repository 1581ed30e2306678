using System.Text;
using System.Threading.Channels;
using Orchestration.Sdk.Runtime.Streams;

namespace Orchestration.Sdk.Kubernetes.Tests.Streams;

/// <summary>An exec session that echoes its input (upper-cased) until stdin closes, then exits with <see cref="ExitCode"/>.</summary>
internal sealed class FakeExecSession : IContainerExecSession
{
    private readonly Channel<(ExecOutputStream, byte[])> _output = Channel.CreateUnbounded<(ExecOutputStream, byte[])>();
    private readonly TaskCompletionSource _inputClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long ExitCode { get; set; }

    /// <summary>When true, the output ends at once (a non-interactive command), else when stdin closes.</summary>
    public bool EndsWithoutInput { get; set; }

    public StringBuilder Input { get; } = new();

    public List<(int Width, int Height)> Resizes { get; } = [];

    public Task InputClosed => _inputClosed.Task;

    private readonly TaskCompletionSource _disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Disposed => _disposed.Task;

    public void Write(ExecOutputStream stream, string text) => _output.Writer.TryWrite((stream, Encoding.UTF8.GetBytes(text)));

    public async ValueTask<ExecOutput> ReadOutputAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (EndsWithoutInput)
        {
            _output.Writer.TryComplete();
        }

        if (!await _output.Reader.WaitToReadAsync(cancellationToken))
        {
            return new ExecOutput(ExecOutputStream.Stdout, 0);
        }

        var (stream, data) = await _output.Reader.ReadAsync(cancellationToken);
        data.CopyTo(buffer);
        return new ExecOutput(stream, data.Length);
    }

    public ValueTask WriteInputAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var text = Encoding.UTF8.GetString(data.Span);
        Input.Append(text);
        Write(ExecOutputStream.Stdout, text.ToUpperInvariant());
        return ValueTask.CompletedTask;
    }

    public Task CloseInputAsync(CancellationToken cancellationToken)
    {
        _inputClosed.TrySetResult();
        _output.Writer.TryComplete();
        return Task.CompletedTask;
    }

    public Task ResizeAsync(int width, int height, CancellationToken cancellationToken)
    {
        Resizes.Add((width, height));
        return Task.CompletedTask;
    }

    public Task<long> WaitForExitAsync(CancellationToken cancellationToken) => Task.FromResult(ExitCode);

    public ValueTask DisposeAsync()
    {
        _disposed.TrySetResult();
        return ValueTask.CompletedTask;
    }
}
