using Orchestration.Sdk.Client;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Kubernetes.Tests.Kubectl;

/// <summary>
/// The real kubectl's exec and port-forward through the full server on the in-memory runtime, where containers have
/// no processes: a clear Kubernetes-style refusal, and the admin token required (Docker runs them for real:
/// KubectlPodStreamsTests in the Docker suite).
/// </summary>
[Collection(KubectlCollection.Name)]
public sealed class KubectlPodStreamTests(ApiHost host) : IClassFixture<ApiHost>
{
    private KubectlRunner Kubectl => host.Kubectl;

    [Fact]
    public async Task ExecAndPortForward_OnTheInMemoryRuntime_FailWithTheReason()
    {
        var pod = await RunningPodAsync("streams");

        var exec = await Kubectl.RunAsync("exec", pod, "--", "echo", "hi");
        var forward = await Kubectl.RunAsync("port-forward", pod, ":8080");

        Assert.NotEqual(0, exec.ExitCode);
        Assert.Contains($"unable to exec into pod \"{pod}\": the in-memory runtime runs no container processes", exec.Stderr, StringComparison.Ordinal);
        Assert.NotEqual(0, forward.ExitCode);
        Assert.Contains($"unable to forward a port of pod \"{pod}\": the in-memory runtime runs no container processes", forward.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecAndPortForward_WithTheReadOnlyToken_AreForbidden()
    {
        var pod = await RunningPodAsync("guarded");

        var exec = await Kubectl.RunAsync("--context", "tests-readonly", "exec", pod, "--", "echo", "hi");
        var forward = await Kubectl.RunAsync("--context", "tests-readonly", "port-forward", pod, ":8080");

        Assert.NotEqual(0, exec.ExitCode);
        Assert.Contains("forbidden", exec.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("in-memory runtime", exec.Stderr, StringComparison.Ordinal);
        Assert.NotEqual(0, forward.ExitCode);
        Assert.Contains("forbidden", forward.Stderr, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<string> RunningPodAsync(string app)
    {
        await host.Client.ApplyAsync(AppObjects.Deployment(app, replicas: 1));
        var pod = await Poll.UntilAsync(
            async () => (await host.Client.ListAsync<Pod>(LabelSelector.Of(new Dictionary<string, string> { ["app"] = app }))).FirstOrDefault(),
            p => p is { Status.Phase: PodPhase.Running }, $"a running {app} pod");
        return pod!.Metadata.Name;
    }
}
