using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Orchestration.Sdk.Docker.Tests.Unit;

/// <summary>The runtime's stop path is bounded by <see cref="DockerRuntimeOptions.ShutdownTimeout"/> when the engine does not answer.</summary>
public sealed class DockerShutdownTimeoutTests
{
    [Fact]
    public async Task Shutdown_EngineThatNeverAnswers_GivesUpAfterShutdownTimeout()
    {
        // A "frozen engine": accepts connections and never answers a request.
        using var frozen = new TcpListener(IPAddress.Loopback, 0);
        frozen.Start();
        var accepted = new List<TcpClient>();
        using var stop = new CancellationTokenSource();
        var accepting = Task.Run(async () =>
        {
            while (true) // ends only by the stop's cancellation (a loop condition would race it and end without one)
            {
                accepted.Add(await frozen.AcceptTcpClientAsync(stop.Token));
            }
        });
        var time = new FakeTimeProvider();
        var options = new DockerRuntimeOptions
        {
            Endpoint = $"tcp://127.0.0.1:{((IPEndPoint)frozen.LocalEndpoint).Port}",
            AppName = "frozen",
            Lifetime = DockerLifetime.RemoveOnShutdown,
            ShutdownTimeout = TimeSpan.FromSeconds(5),
        };
        var runtime = new DockerContainerRuntime(options, time, NullLoggerFactory.Instance);

        var shutdown = runtime.ShutdownAsync(CancellationToken.None);
        Assert.False(shutdown.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(5)); // the shutdown timeout, far below CallTimeout (30 s) and its retries

        await shutdown.WaitAsync(TimeSpan.FromSeconds(10)); // completes without an exception: the failure is logged
        var disposing = runtime.DisposeAsync().AsTask();
        await disposing.WaitAsync(TimeSpan.FromSeconds(10)); // and dispose does not wait for the frozen engine again
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => accepting);
        accepted.ForEach(c => c.Dispose());
    }
}
