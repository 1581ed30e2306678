using System.Globalization;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Runtime.Streams;

namespace Orchestration.Sdk.Docker;

/// <summary>
/// <see cref="IContainerStreamRuntime"/> over the Engine API: container logs with follow, exec with attached
/// streams, and a TCP connection to the pod's address on the app network. These calls hold a connection open for as
/// long as the stream lives, so they bypass the call policy's timeout and retries.
/// </summary>
internal sealed class DockerContainerStreams
{
    private readonly IDockerClient _client;
    private readonly string _networkName;

    public DockerContainerStreams(IDockerClient client, string networkName)
    {
        _client = client;
        _networkName = networkName;
    }

    public async IAsyncEnumerable<ReadOnlyMemory<byte>> StreamLogsAsync(
        string containerId, ContainerLogOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(containerId);
        ArgumentNullException.ThrowIfNull(options);
        var parameters = new ContainerLogsParameters
        {
            ShowStdout = true,
            ShowStderr = true,
            Follow = options.Follow,
            Timestamps = options.Timestamps,
            Tail = options.TailLines is { } tail ? tail.ToString(CultureInfo.InvariantCulture) : "all",
            Since = options.Since is { } since ? since.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) : null,
        };
        using var stream = await NotFoundAsRuntimeError(containerId, () => _client.Containers.GetContainerLogsAsync(containerId, parameters, cancellationToken))
            .ConfigureAwait(false);
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false);
            if (read.EOF || read.Count == 0)
            {
                yield break;
            }

            yield return buffer.AsMemory(0, read.Count).ToArray();
        }
    }

    public async Task<IContainerExecSession> ExecAsync(string containerId, ContainerExecOptions options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(containerId);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Command.Count == 0)
        {
            throw new ArgumentException("the exec command must not be empty", nameof(options));
        }

        var created = await NotFoundAsRuntimeError(
            containerId,
            () => _client.Exec.CreateContainerExecAsync(
                containerId,
                new ContainerExecCreateParameters
                {
                    AttachStdin = options.Stdin,
                    AttachStdout = options.Stdout,
                    AttachStderr = options.Stderr && !options.Tty,
                    TTY = options.Tty,
                    Cmd = [.. options.Command],
                },
                cancellationToken)).ConfigureAwait(false);
        var stream = await _client.Exec.StartContainerExecAsync(created.ID, new ContainerExecStartParameters { TTY = options.Tty }, cancellationToken)
            .ConfigureAwait(false);
        return new DockerExecSession(_client, created.ID, stream, options.Tty);
    }

    public async Task<Stream> ConnectAsync(string containerId, int port, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(containerId);
        var container = await NotFoundAsRuntimeError(containerId, () => _client.Containers.InspectContainerAsync(containerId, cancellationToken))
            .ConfigureAwait(false);
        var sandboxId = container.Config?.Labels is { } labels && labels.TryGetValue(DockerLabels.SandboxId, out var id) ? id : containerId;
        var sandbox = await NotFoundAsRuntimeError(sandboxId, () => _client.Containers.InspectContainerAsync(sandboxId, cancellationToken))
            .ConfigureAwait(false);
        var address = DockerContainerMapper.ToPodSandbox(sandbox, _networkName).IPAddress;
        if (string.IsNullOrEmpty(address))
        {
            throw new ContainerRuntimeException($"the sandbox of container {containerId} has no address on network {_networkName}") { Reason = "NotRunning" };
        }

        var client = new TcpClient();
        try
        {
            await client.ConnectAsync(address, port, cancellationToken).ConfigureAwait(false);
            return new OwningNetworkStream(client);
        }
        catch (SocketException e)
        {
            client.Dispose();
            throw new ContainerRuntimeException($"failed to connect to {address}:{port} inside the pod: {e.Message}", e) { Reason = "ConnectionRefused" };
        }
    }

    private static async Task<T> NotFoundAsRuntimeError<T>(string containerId, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (DockerApiException e) when (DockerErrors.IsNotFound(e))
        {
            throw new ContainerRuntimeException($"container {containerId} not found", e) { Reason = "NotFound" };
        }
        catch (DockerApiException e)
        {
            throw new ContainerRuntimeException($"container {containerId}: {e.ResponseBody}", e);
        }
    }

    /// <summary>A network stream that disposes the client that owns its socket.</summary>
    private sealed class OwningNetworkStream(TcpClient client) : NetworkStream(client.Client, ownsSocket: true)
    {
        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing)
            {
                client.Dispose();
            }
        }
    }
}
