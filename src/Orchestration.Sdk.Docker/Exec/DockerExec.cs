using Docker.DotNet.Models;
using Orchestration.Sdk.Docker.Containers;

namespace Orchestration.Sdk.Docker.Exec;

/// <summary>Commands run inside running containers (hosts-file rewrites, file updates), through the call policy.</summary>
internal sealed class DockerExec(DockerConnection engine)
{
    /// <summary>Runs a command in a running container; returns its exit code and combined output.</summary>
    public Task<(long ExitCode, string Output)> ExecAsync(string containerId, IList<string> command, CancellationToken cancellationToken) =>
        engine.Calls.ExecuteAsync(
            "exec in container",
            async ct =>
            {
                var created = await engine.Client.Exec.CreateContainerExecAsync(
                    containerId,
                    new ContainerExecCreateParameters { AttachStdout = true, AttachStderr = true, Cmd = command },
                    ct).ConfigureAwait(false);
                string text;
                using (var stream = await engine.Client.Exec.StartContainerExecAsync(created.ID, new ContainerExecStartParameters(), ct).ConfigureAwait(false))
                {
                    var (stdout, stderr) = await stream.ReadOutputToEndAsync(ct).ConfigureAwait(false);
                    text = (stdout + stderr).Trim();
                }

                while (true)
                {
                    var inspect = await engine.Client.Exec.InspectContainerExecAsync(created.ID, ct).ConfigureAwait(false);
                    if (!inspect.Running)
                    {
                        return (inspect.ExitCode ?? -1L, text);
                    }

                    await Task.Delay(TimeSpan.FromMilliseconds(20), engine.Time, ct).ConfigureAwait(false);
                }
            },
            cancellationToken);
}
