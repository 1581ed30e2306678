namespace Orchestration.Sdk.Runtime.Streams;

/// <summary>
/// A process started by <see cref="IContainerStreamRuntime.ExecAsync"/>: its input, its output and its exit code.
/// Reads and writes may run concurrently with each other; disposing ends the attachment (not necessarily the process).
/// </summary>
public interface IContainerExecSession : IAsyncDisposable
{
    /// <summary>Reads the next chunk of output; a result with <see cref="ExecOutput.Count"/> 0 means the output ended.</summary>
    /// <param name="buffer">Where to read.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    ValueTask<ExecOutput> ReadOutputAsync(Memory<byte> buffer, CancellationToken cancellationToken);

    /// <summary>Writes to the process's standard input.</summary>
    /// <param name="data">The bytes.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    ValueTask WriteInputAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>Closes standard input (the process reads end of file). Closing twice succeeds.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task CloseInputAsync(CancellationToken cancellationToken);

    /// <summary>Resizes the terminal; ignored when the session has no terminal.</summary>
    /// <param name="width">Columns.</param>
    /// <param name="height">Rows.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task ResizeAsync(int width, int height, CancellationToken cancellationToken);

    /// <summary>Waits until the process has exited (call after the output ended) and returns its exit code.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task<long> WaitForExitAsync(CancellationToken cancellationToken);
}
