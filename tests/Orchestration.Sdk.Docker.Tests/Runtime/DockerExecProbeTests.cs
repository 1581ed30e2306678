using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestration.Sdk.Docker.Exec;
using Orchestration.Sdk.Docker.Tests.Support;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Runtime.Probes;

namespace Orchestration.Sdk.Docker.Tests.Runtime;

/// <summary>The Docker runtime's <see cref="IProbeRunner"/>: exec probes in a real container.</summary>
public sealed class DockerExecProbeTests
{
    [Fact]
    public async Task Runs_ExecOnly_HttpAndTcpStayWithTheAgent()
    {
        var options = new DockerRuntimeOptions { AppName = "dt-probe-runs", Lifetime = DockerLifetime.Persistent };
        await using var runtime = new DockerContainerRuntime(options, TimeProvider.System, NullLoggerFactory.Instance);
        IProbeRunner runner = runtime;

        Assert.Equal(
            (true, false, false),
            (runner.Runs(Probe.ForExec("true")), runner.Runs(Probe.ForHttpGet("/", 8080)), runner.Runs(Probe.ForTcpSocket(8080))));
    }

    [DockerFact]
    public async Task ProbeAsync_ExitCodes_ZeroPassesOtherFailsWithCodeAndOutput()
    {
        await using var docker = await DockerTestRuntime.CreateAsync();
        var sandbox = await docker.RunSandboxAsync();
        var id = await docker.RunAsync(sandbox, "app", "echo up > /tmp/ready", "exec sleep 600");

        var passed = await docker.Runtime.ProbeAsync(id, Probe.ForExec("cat", "/tmp/ready"), ProbeKind.Readiness, CancellationToken.None);
        var failed = await docker.Runtime.ProbeAsync(
            id, Probe.ForExec("sh", "-c", "echo starting; echo not healthy >&2; exit 3"), ProbeKind.Liveness, CancellationToken.None);
        var missing = await docker.Runtime.ProbeAsync(id, Probe.ForExec("cat", "/tmp/absent"), ProbeKind.Readiness, CancellationToken.None);

        Assert.Equal(ProbeResult.Success, passed);
        Assert.False(failed.Succeeded);
        Assert.StartsWith("command \"sh -c echo starting; echo not healthy >&2; exit 3\" exited with 3: ", failed.Output, StringComparison.Ordinal);
        Assert.Contains("starting", failed.Output, StringComparison.Ordinal); // stdout
        Assert.Contains("not healthy", failed.Output, StringComparison.Ordinal); // and stderr
        Assert.False(missing.Succeeded);
        Assert.StartsWith("command \"cat /tmp/absent\" exited with 1: cat: can't open '/tmp/absent'", missing.Output, StringComparison.Ordinal);
    }

    [DockerFact]
    public async Task ProbeAsync_CommandOutlivesTheToken_CancelledAtTheTimeout()
    {
        await using var docker = await DockerTestRuntime.CreateAsync();
        var sandbox = await docker.RunSandboxAsync();
        var id = await docker.RunAsync(sandbox, "app", "exec sleep 600");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => docker.Runtime.ProbeAsync(id, Probe.ForExec("sleep", "20"), ProbeKind.Liveness, timeout.Token));

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10)); // not the command's 20 s
    }

    [DockerFact]
    public async Task ProbeAsync_ContainerExited_FailsWithTheEngineMessage()
    {
        await using var docker = await DockerTestRuntime.CreateAsync();
        var sandbox = await docker.RunSandboxAsync();
        var id = await docker.RunAsync(sandbox, "app", "exit 0");
        await docker.WaitForExitAsync(id);

        var result = await docker.Runtime.ProbeAsync(id, Probe.ForExec("true"), ProbeKind.Liveness, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.StartsWith($"command \"true\" could not run in container {id}: ", result.Output, StringComparison.Ordinal);
        Assert.Contains("not running", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "command \"x\" exited with 2")]
    [InlineData("  boom \n", "command \"x\" exited with 2: boom")]
    public void ExecFailure_Output_TrimmedAfterTheExitCode(string output, string expected) =>
        Assert.Equal(expected, DockerExecProbe.ExecFailure("x", 2, output));

    [Fact]
    public void ExecFailure_LongOutput_Shortened()
    {
        var message = DockerExecProbe.ExecFailure("x", 1, new string('a', 5000));

        Assert.Equal("command \"x\" exited with 1: " + new string('a', 256) + "…", message);
    }
}
