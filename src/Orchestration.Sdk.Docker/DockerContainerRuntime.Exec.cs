using Docker.DotNet.Models;

namespace Orchestration.Sdk.Docker;

/// <summary>Commands run inside running containers (hosts-file rewrites, file updates), through the call policy.</summary>
internal sealed partial class DockerContainerRuntime
{
    /// <summary>Runs a command in a running container; returns its exit code and combined output.</summary>
    internal Task<(long ExitCode, string Output)> ExecAsync(string containerId, IList<string> command, CancellationToken cancellationToken) =>
        _calls.ExecuteAsync(
            "exec in container",
            async ct =>
            {
                var created = await _client.Exec.CreateContainerExecAsync(
                    containerId,
                    new ContainerExecCreateParameters { AttachStdout = true, AttachStderr = true, Cmd = command },
                    ct).ConfigureAwait(false);
                string text;
                using (var stream = await _client.Exec.StartContainerExecAsync(created.ID, new ContainerExecStartParameters(), ct).ConfigureAwait(false))
                {
                    var (stdout, stderr) = await stream.ReadOutputToEndAsync(ct).ConfigureAwait(false);
                    text = (stdout + stderr).Trim();
                }

                while (true)
                {
                    var inspect = await _client.Exec.InspectContainerExecAsync(created.ID, ct).ConfigureAwait(false);
                    if (!inspect.Running)
                    {
                        return (inspect.ExitCode ?? -1L, text);
                    }

                    await Task.Delay(TimeSpan.FromMilliseconds(20), _time, ct).ConfigureAwait(false);
                }
            },
            cancellationToken);
}
