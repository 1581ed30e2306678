using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Runtime.NodeAgents;

namespace Orchestration.Sdk.Tests.Runtime;

/// <summary>The node agent's pure rules: Go duration text, the kubelet's phase table and the back-off sequence.</summary>
public class NodeAgentRulesTests
{
    private static readonly DateTimeOffset T0 = AgentHarness.Start;

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(500, "500ms")]
    [InlineData(1500, "1.5s")]
    [InlineData(10_000, "10s")]
    [InlineData(80_000, "1m20s")]
    [InlineData(300_000, "5m0s")]
    [InlineData(3_600_000, "1h0m0s")]
    [InlineData(3_725_000, "1h2m5s")]
    public void GoDuration_FormatsAsGo(long milliseconds, string expected) =>
        Assert.Equal(expected, GoDuration.Format(TimeSpan.FromMilliseconds(milliseconds)));

    [Theory]
    [InlineData(RestartPolicy.Always, "running,waiting", PodPhase.Pending)]
    [InlineData(RestartPolicy.Always, "running,running", PodPhase.Running)]
    [InlineData(RestartPolicy.Always, "running,exit0", PodPhase.Running)]
    [InlineData(RestartPolicy.Always, "exit0,exit0", PodPhase.Running)]
    [InlineData(RestartPolicy.Always, "backoff", PodPhase.Running)]
    [InlineData(RestartPolicy.OnFailure, "exit0,exit0", PodPhase.Succeeded)]
    [InlineData(RestartPolicy.OnFailure, "exit0,backoff", PodPhase.Running)]
    [InlineData(RestartPolicy.Never, "exit0,exit0", PodPhase.Succeeded)]
    [InlineData(RestartPolicy.Never, "exit0,exit1", PodPhase.Failed)]
    [InlineData(RestartPolicy.Never, "running,exit1", PodPhase.Running)]
    [InlineData(RestartPolicy.Never, "waiting", PodPhase.Pending)]
    public void PodPhases_FollowTheKubeletTable(RestartPolicy policy, string containers, PodPhase expected)
    {
        var statuses = containers.Split(',').Select((state, i) => new ContainerStatus
        {
            Name = $"c{i}",
            State = state switch
            {
                "running" => ContainerState.RunningSince(T0),
                "waiting" => ContainerState.WaitingFor("ContainerCreating"),
                "backoff" => ContainerState.WaitingFor("CrashLoopBackOff"),
                _ => new ContainerState { Terminated = new ContainerStateTerminated(state == "exit0" ? 0 : 1, "x", T0, T0) },
            },
            LastState = state == "backoff" ? new ContainerState { Terminated = new ContainerStateTerminated(1, "Error", T0, T0) } : null,
        }).ToList();

        Assert.Equal(expected, PodPhases.Compute(policy, statuses));
    }

    [Fact]
    public void CrashLoopBackoff_DoublesFromTheInitialDelayUpToTheMaximum()
    {
        var options = new NodeAgentOptions();
        var backoff = new CrashLoopBackoff();
        var seen = new List<double>();
        for (var i = 0; i < 8; i++)
        {
            backoff.Next(options);
            seen.Add(backoff.Current!.Value.TotalSeconds);
        }

        Assert.Equal([10, 20, 40, 80, 160, 300, 300, 300], seen);
    }

    [Fact]
    public void CrashLoopBackoff_HoldsUntilExitPlusDelay_AndResetsAfterALongRun()
    {
        var options = new NodeAgentOptions();
        var backoff = new CrashLoopBackoff();
        Assert.Null(backoff.HeldUntil(T0, T0, T0, options)); // first exit: restart at once

        backoff.Next(options);
        Assert.Equal(T0.AddSeconds(10), backoff.HeldUntil(T0, T0, T0.AddSeconds(9), options));
        Assert.Null(backoff.HeldUntil(T0, T0, T0.AddSeconds(10), options));

        Assert.Null(backoff.HeldUntil(T0, T0.AddMinutes(10), T0.AddMinutes(10), options));
        Assert.Null(backoff.Current);
    }

    [Fact]
    public void NodeAgentOptions_HaveKubernetesDefaults()
    {
        var o = new NodeAgentOptions();

        Assert.Equal(
            (TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(300), TimeSpan.FromMinutes(10)),
            (o.HeartbeatInterval, o.InitialBackoff, o.MaxBackoff, o.BackoffResetAfter));
    }
}
