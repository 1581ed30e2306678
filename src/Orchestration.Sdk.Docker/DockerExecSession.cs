using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestration.Sdk.Runtime.Streams;

namespace Orchestration.Sdk.Docker;

/// <summary>An exec process attached through the Engine's hijacked connection (multiplexed unless it has a terminal).</summary>
internal sealed class DockerExecSession : IContainerExecSession
{
    private static readonly TimeSpan ExitPollInterval = TimeSpan.FromMilliseconds(20);

    private readonly IDockerClient _client;
    private readonly string _execId;
    private readonly MultiplexedStream _stream;
    private readonly bool _tty;
    private int _inputClosed;

    public DockerExecSession(IDockerClient client, string execId, MultiplexedStream stream, bool tty)
    {
        _client = client;
        _execId = execId;
        _stream = stream;
        _tty = tty;
    }

    public async ValueTask<ExecOutput> ReadOutputAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var array = new byte[buffer.Length];
        var read = await _stream.ReadOutputAsync(array, 0, array.Length, cancellationToken).ConfigureAwait(false);
        if (read.EOF || read.Count == 0)
        {
            return new ExecOutput(ExecOutputStream.Stdout, 0);
        }

        array.AsSpan(0, read.Count).CopyTo(buffer.Span);
        var from = read.Target == MultiplexedStream.TargetStream.StandardError ? ExecOutputStream.Stderr : ExecOutputStream.Stdout;
        return new ExecOutput(from, read.Count);
    }

    public async ValueTask WriteInputAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var array = data.ToArray();
        await _stream.WriteAsync(array, 0, array.Length, cancellationToken).ConfigureAwait(false);
    }

    public Task CloseInputAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _inputClosed, 1) == 0)
        {
            _stream.CloseWrite();
        }

        return Task.CompletedTask;
    }

    public async Task ResizeAsync(int width, int height, CancellationToken cancellationToken)
    {
        if (_tty && width > 0 && height > 0)
        {
            await _client.Exec.ResizeExecTtyAsync(_execId, new ContainerResizeParameters { Width = width, Height = height }, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    public async Task<long> WaitForExitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var inspect = await _client.Exec.InspectContainerExecAsync(_execId, cancellationToken).ConfigureAwait(false);
            if (!inspect.Running)
            {
                return inspect.ExitCode ?? -1L;
            }

            // The Engine reports the exit only through inspect; the output has already ended, so this is brief.
            await Task.Delay(ExitPollInterval, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync()
    {
        _stream.Dispose();
        return ValueTask.CompletedTask;
    }
}
