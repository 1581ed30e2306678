using Docker.DotNet.Models;
using Orchestration.Sdk.Docker.Tests.Support;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Docker.Tests.EndToEnd;

/// <summary>Health probes of the whole orchestrator reaching real containers: exec inside them, HTTP GET to the pod IP.</summary>
public sealed class DockerProbeTests
{
    [DockerFact]
    public async Task ExecReadinessProbe_FileAppears_PodTurnsReady()
    {
        await using var orchestrator = await DockerOrchestrator.StartAsync(app => app.AddDeployment("web")
            .WithImage(TestImage.Name).WithCommand("/bin/sleep", "600")
            .WithReadinessProbe(Probe.ForExec("cat", "/tmp/ready") with { PeriodSeconds = 1 }));
        var pod = Assert.Single(await orchestrator.WaitForPodsAsync("the pod runs", p => DockerOrchestrator.AllRunning(p, 1)));
        var containerId = pod.Status.ContainerStatuses[0].ContainerId!;

        await WaitForExecsAsync(orchestrator, containerId, 2, succeeded: false); // the probe ran, and failed, twice
        pod = Assert.Single(await orchestrator.PodsAsync());
        Assert.False(pod.Status.ContainerStatuses[0].Ready);
        Assert.Equal("containers with unready status: [web]", pod.Status.Conditions.Find(PodConditionType.Ready)?.Message);

        await ExecAsync(orchestrator, containerId, "/bin/sh", "-c", "echo ok > /tmp/ready");

        pod = Assert.Single(await orchestrator.WaitForPodsAsync("the pod is ready", p => p.Count == 1 && IsReady(p[0])));
        Assert.Equal(containerId, pod.Status.ContainerStatuses[0].ContainerId);
        Assert.Equal(0, pod.Status.ContainerStatuses[0].RestartCount);
    }

    [DockerFact]
    public async Task ExecLivenessProbe_StartsFailing_ContainerRestartedWithTheKubeletReason()
    {
        await using var orchestrator = await DockerOrchestrator.StartAsync(app => app.AddDeployment("web")
            .WithImage(TestImage.Name).WithCommand("/bin/sh", "-c", "echo ok > /tmp/alive; exec sleep 600")
            .WithTerminationGracePeriod(TimeSpan.FromSeconds(1))
            .WithLivenessProbe(Probe.ForExec("cat", "/tmp/alive") with { PeriodSeconds = 1, TimeoutSeconds = 5, FailureThreshold = 2 }));
        var pod = Assert.Single(await orchestrator.WaitForPodsAsync("the pod runs", p => DockerOrchestrator.AllRunning(p, 1)));
        var first = pod.Status.ContainerStatuses[0].ContainerId!;
        await WaitForExecsAsync(orchestrator, first, 2, succeeded: true); // the liveness probe passed twice

        await ExecAsync(orchestrator, first, "/bin/busybox", "rm", "/tmp/alive");

        pod = Assert.Single(await orchestrator.WaitForPodsAsync(
            "the container is restarted",
            p => DockerOrchestrator.AllRunning(p, 1) && p[0].Status.ContainerStatuses[0].RestartCount == 1));
        var status = pod.Status.ContainerStatuses[0];
        Assert.NotEqual(first, status.ContainerId);
        Assert.Equal("Error", status.LastState?.Terminated?.Reason);
        Assert.Equal(137, status.LastState?.Terminated?.ExitCode); // sleep as PID 1 ignores SIGTERM: killed after the grace period
        Assert.Equal("Container web failed liveness probe, will be restarted", status.LastState?.Terminated?.Message);
    }

    [DockerFact]
    public async Task ExecLivenessProbe_CommandOutlivesTimeout_FailsAndRestarts()
    {
        await using var orchestrator = await DockerOrchestrator.StartAsync(app => app.AddDeployment("slow")
            .WithImage(TestImage.Name).WithCommand("/bin/sleep", "600")
            .WithTerminationGracePeriod(TimeSpan.FromSeconds(1))
            .WithLivenessProbe(Probe.ForExec("sleep", "5") with { PeriodSeconds = 1, TimeoutSeconds = 1, FailureThreshold = 2 }));

        // Without the timeout each probe would pass after 5 s; with it, two in a row fail and the container is killed.
        var pod = Assert.Single(await orchestrator.WaitForPodsAsync(
            "the container is restarted",
            p => p.Count == 1 && p[0].Status.ContainerStatuses is [{ RestartCount: >= 1 }]));

        Assert.Equal("Container slow failed liveness probe, will be restarted", pod.Status.ContainerStatuses[0].LastState?.Terminated?.Message);
    }

    [DockerFact]
    public async Task HttpReadinessProbe_Httpd_NotFoundThenOk()
    {
        await using var orchestrator = await DockerOrchestrator.StartAsync(app => app.AddDeployment("web")
            .WithImage(TestImage.Name).WithCommand("/bin/httpd", "-f", "-v", "-p", "8080", "-h", "/www")
            .WithPort(8080)
            .WithReadinessProbe(Probe.ForHttpGet("/ready.html", 8080) with { PeriodSeconds = 1 }));
        var pod = Assert.Single(await orchestrator.WaitForPodsAsync("the pod runs", p => DockerOrchestrator.AllRunning(p, 1)));
        var name = pod.Metadata.Name;

        // httpd -v logs each request: the probes reach it on the pod IP and get 404 while the page is missing.
        await Poll.UntilAsync("two probes got 404", async () => Count(await orchestrator.Client.GetLogsAsync(name), "response:404") >= 2);
        Assert.False(IsReady(Assert.Single(await orchestrator.PodsAsync())));

        await ExecAsync(orchestrator, pod.Status.ContainerStatuses[0].ContainerId!, "/bin/sh", "-c", "echo ok > /www/ready.html");

        await orchestrator.WaitForPodsAsync("the pod is ready", p => p.Count == 1 && IsReady(p[0]));
        Assert.Contains("response:200", await orchestrator.Client.GetLogsAsync(name), StringComparison.Ordinal);
    }

    private static bool IsReady(Pod pod) =>
        pod.Status.ContainerStatuses is [{ Ready: true }] && pod.Status.Conditions.Find(PodConditionType.Ready)?.IsTrue == true;

    private static int Count(string text, string value) => text.Split(value).Length - 1;

    /// <summary>Runs a command in the container through the engine client, as <c>docker exec</c>; it must exit 0.</summary>
    private static async Task ExecAsync(DockerOrchestrator orchestrator, string containerId, params string[] command)
    {
        var exec = orchestrator.Runtime.Client.Exec;
        var created = await exec.CreateContainerExecAsync(
            containerId, new ContainerExecCreateParameters { AttachStdout = true, AttachStderr = true, Cmd = command });
        using (var stream = await exec.StartContainerExecAsync(created.ID, new ContainerExecStartParameters()))
        {
            await DockerLogReader.ReadToEndAsync(stream, CancellationToken.None);
        }

        await Poll.UntilAsync($"exec {string.Join(' ', command)} exits 0", async () =>
            await exec.InspectContainerExecAsync(created.ID) is { Running: false } done && (done.ExitCode == 0 ? true : throw new InvalidOperationException($"exit {done.ExitCode}")));
    }

    /// <summary>Waits until the engine reports <paramref name="count"/> execs (probes) in the container that exited 0 or not.</summary>
    private static Task WaitForExecsAsync(DockerOrchestrator orchestrator, string containerId, int count, bool succeeded) =>
        Poll.UntilAsync($"{count} execs in {containerId} exited {(succeeded ? "0" : "non-zero")}", async () =>
            (await ExecExitCodesAsync(orchestrator, containerId)).Count(code => (code == "0") == succeeded) >= count);

    /// <summary>The exit codes of the execs that ended in the container so far, from the engine's event history.</summary>
    private static async Task<IReadOnlyList<string>> ExecExitCodesAsync(DockerOrchestrator orchestrator, string containerId)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
        var collected = new ExitCodes();
        await orchestrator.Runtime.Client.System.MonitorEventsAsync(
            new ContainerEventsParameters
            {
                Since = DockerEventParser.FormatSince(now - (long)TimeSpan.FromMinutes(5).TotalNanoseconds),
                Until = DockerEventParser.FormatSince(now),
                Filters = new Dictionary<string, IDictionary<string, bool>> { ["container"] = new Dictionary<string, bool> { [containerId] = true } },
            },
            collected,
            CancellationToken.None);
        return collected.Codes;
    }

    /// <summary>Collects exec_die exit codes synchronously as the event stream delivers them.</summary>
    private sealed class ExitCodes : IProgress<Message>
    {
        private readonly List<string> _codes = [];

        public IReadOnlyList<string> Codes
        {
            get
            {
                lock (_codes)
                {
                    return [.. _codes];
                }
            }
        }

        public void Report(Message value)
        {
            if (value.Action == "exec_die" && value.Actor?.Attributes?.TryGetValue("exitCode", out var code) == true)
            {
                lock (_codes)
                {
                    _codes.Add(code);
                }
            }
        }
    }
}
