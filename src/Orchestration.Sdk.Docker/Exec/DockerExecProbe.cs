using System.Globalization;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Docker.Containers;
using Orchestration.Sdk.Runtime.Probes;

namespace Orchestration.Sdk.Docker.Exec;

/// <summary>
/// Exec probes inside the container (<c>docker exec</c>), as the kubelet's ExecSync: exit code 0 passes, anything else
/// fails with the exit code and the command's output. HTTP GET and TCP probes stay with the node agent, which sends
/// them from the host to the pod's address on the bridge network, as the kubelet does.
/// </summary>
internal sealed class DockerExecProbe(DockerConnection engine) : IProbeRunner
{
    /// <summary>The kubelet reads at most this much of an exec probe's output (pkg/probe/exec maxReadLength).</summary>
    internal const int MaxProbeOutput = 10 * 1024;

    /// <summary>How much of the output a failure message carries.</summary>
    private const int MaxFailureOutput = 256;

    /// <inheritdoc />
    public bool Runs(Probe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        return probe.Exec is not null;
    }

    /// <summary>
    /// Runs an exec probe in the container. The caller's token carries the probe's timeout: when it fires the call
    /// ends at once and the probe fails; the command itself runs on until it ends, as the Engine API cannot stop an exec.
    /// </summary>
    public async Task<ProbeResult> ProbeAsync(string containerId, Probe probe, ProbeKind kind, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(containerId);
        ArgumentNullException.ThrowIfNull(probe);
        if (probe.Exec is not { Command.Count: > 0 } exec)
        {
            return ProbeResult.Failure("the Docker runtime runs exec probes only; HTTP GET and TCP probes go to the pod's address");
        }

        var command = string.Join(' ', exec.Command);

        // Straight to the engine, not through the call policy: the probe's timeout bounds the call, and a probe is not
        // retried (running the command twice is not the same as once); the next period probes again.
        try
        {
            var created = await engine.Client.Exec.CreateContainerExecAsync(
                containerId,
                new ContainerExecCreateParameters { AttachStdout = true, AttachStderr = true, Cmd = [.. exec.Command] },
                cancellationToken).ConfigureAwait(false);
            string output;
            using (var stream = await engine.Client.Exec.StartContainerExecAsync(created.ID, new ContainerExecStartParameters(), cancellationToken)
                .ConfigureAwait(false))
            {
                output = await ReadProbeOutputAsync(stream, cancellationToken).ConfigureAwait(false);
            }

            var exitCode = await ExitCodeAsync(created.ID, cancellationToken).ConfigureAwait(false);
            return exitCode == 0 ? ProbeResult.Success : ProbeResult.Failure(ExecFailure(command, exitCode, output));
        }
        catch (Exception e) when (e is not OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            // The timeout closed the stream under a pending read: report it as the cancellation it is.
            throw new OperationCanceledException("the exec probe was cancelled", e, cancellationToken);
        }
        catch (Exception e) when (e is DockerApiException || DockerErrors.IsConnectionFailure(e))
        {
            // 404: the container is gone; 409: it is not running (stopped, restarting or paused); or no engine.
            return ProbeResult.Failure($"command \"{command}\" could not run in container {containerId}: {DockerErrors.Describe(e)}");
        }
    }

    /// <summary>The probe's output for a non-zero exit: the CRI's wording, then the output trimmed as the kubelet logs it.</summary>
    internal static string ExecFailure(string command, long exitCode, string output)
    {
        var message = $"command \"{command}\" exited with {exitCode.ToString(CultureInfo.InvariantCulture)}";
        var trimmed = output.Trim();
        if (trimmed.Length == 0)
        {
            return message;
        }

        return message + ": " + (trimmed.Length <= MaxFailureOutput ? trimmed : trimmed[..MaxFailureOutput] + "…");
    }

    /// <summary>Reads stdout and stderr to the end, keeping the first <see cref="MaxProbeOutput"/> bytes.</summary>
    private static async Task<string> ReadProbeOutputAsync(MultiplexedStream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        using var kept = new MemoryStream();
        while (true)
        {
            // WaitAsync: a read on the hijacked connection may not observe the token; the caller then disposes the stream.
            var read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellationToken).WaitAsync(cancellationToken).ConfigureAwait(false);
            if (read.EOF || read.Count == 0)
            {
                break;
            }

            var room = MaxProbeOutput - (int)kept.Length;
            if (room > 0)
            {
                kept.Write(buffer, 0, Math.Min(room, read.Count));
            }
        }

        return Encoding.UTF8.GetString(kept.GetBuffer(), 0, (int)kept.Length);
    }

    /// <summary>The exec's exit code; the engine may report it running for a moment after its output ended.</summary>
    private async Task<long> ExitCodeAsync(string execId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var inspect = await engine.Client.Exec.InspectContainerExecAsync(execId, cancellationToken).ConfigureAwait(false);
            if (!inspect.Running && inspect.ExitCode is { } exitCode)
            {
                return exitCode;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), engine.Time, cancellationToken).ConfigureAwait(false);
        }
    }
}
