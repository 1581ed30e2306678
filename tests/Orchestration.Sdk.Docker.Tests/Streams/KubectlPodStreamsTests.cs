using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Orchestration.Sdk.Docker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Orchestration.Sdk.Docker.Tests.Streams;

/// <summary>
/// The real kubectl 1.32 against the full Kubernetes API (HTTPS, token, discovery) of a host on Docker: exec, logs
/// and port-forward (SPDY tunnelled in WebSocket, as kubectl 1.31+ speaks it).
/// </summary>
public sealed partial class KubectlPodStreamsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kubectl-docker-").FullName;

    private string Kubeconfig => Path.Combine(_directory, "kubeconfig");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [DockerFact]
    public async Task KubectlExec_InteractiveAndNot_RunsInTheContainerWithItsExitCode()
    {
        await using var orchestrator = await StartAsync("/bin/sh", "-c", "echo started; sleep 600");
        var name = await RunningPodAsync(orchestrator);
        var kubectl = new KubectlProcess(Kubeconfig);

        var plain = await kubectl.RunAsync(null, "exec", name, "--", "sh", "-c", "echo out; echo err >&2; exit 4");
        var interactive = await kubectl.RunAsync("line one\nline two\n", "exec", "-i", name, "--", "cat");
        var logs = await kubectl.RunAsync(null, "logs", name, "--tail=1");

        Assert.True(plain.ExitCode == 4, $"kubectl exec exited {plain.ExitCode}: {plain.Stderr}");
        Assert.Equal("out\n", plain.Stdout);
        Assert.Contains("err", plain.Stderr, StringComparison.Ordinal);
        Assert.Contains("command terminated with exit code 4", plain.Stderr, StringComparison.Ordinal);
        Assert.Equal((0, "line one\nline two\n"), (interactive.ExitCode, interactive.Stdout));
        Assert.Equal((0, "started\n"), (logs.ExitCode, logs.Stdout));
    }

    [DockerFact]
    public async Task KubectlPortForward_CarriesSeveralConnectionsAndLargeBodies_AndReportsAClosedPort()
    {
        await using var orchestrator = await StartAsync("/bin/sh", "-c", "seq 1 200000 > /www/big && exec httpd -f -p 8080 -h /www");
        var name = await RunningPodAsync(orchestrator);
        var kubectl = new KubectlProcess(Kubeconfig);
        var expected = string.Concat(Enumerable.Range(1, 200000).Select(i => i.ToString(CultureInfo.InvariantCulture) + "\n"));

        using var forward = kubectl.Start("port-forward", "pod/" + name, ":8080", ":9999");
        var stderr = forward.StandardError.ReadToEndAsync();
        try
        {
            var ports = await ForwardedPortsAsync(forward.StandardOutput, 2);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var index = await http.GetStringAsync(new Uri($"http://127.0.0.1:{ports[8080]}/index.html"));
            var again = await http.GetStringAsync(new Uri($"http://127.0.0.1:{ports[8080]}/index.html"));
            var big = await http.GetStringAsync(new Uri($"http://127.0.0.1:{ports[8080]}/big"));
            var closed = await Record.ExceptionAsync(() => http.GetStringAsync(new Uri($"http://127.0.0.1:{ports[9999]}/")));

            Assert.Equal(TestImage.IndexPage + "\n", index);
            Assert.Equal(index, again);
            Assert.True(big == expected, $"the forwarded body has {big.Length} characters, expected {expected.Length}");
            Assert.IsType<HttpRequestException>(closed);
        }
        finally
        {
            forward.Kill();
            await forward.WaitForExitAsync();
        }

        var errors = await stderr;
        Assert.Contains($"error forwarding port 9999 to pod {name}", errors, StringComparison.Ordinal);
        Assert.Contains("Connection refused", errors, StringComparison.OrdinalIgnoreCase);
    }

    private Task<DockerOrchestrator> StartAsync(params string[] command) => DockerOrchestrator.StartAsync(
        app => app.AddDeployment("shell").WithImage(TestImage.Name).WithCommand(command),
        orchestration: o => o.WithKubernetesApi(api =>
        {
            api.Port = 0;
            api.KubeconfigPath = Kubeconfig;
        }));

    private static async Task<string> RunningPodAsync(DockerOrchestrator orchestrator) =>
        Assert.Single(await orchestrator.WaitForPodsAsync("the pod runs", p => DockerOrchestrator.AllRunning(p, 1))).Metadata.Name;

    /// <summary>Reads kubectl's "Forwarding from 127.0.0.1:LOCAL -> REMOTE" lines: remote port to local port.</summary>
    private static async Task<Dictionary<int, int>> ForwardedPortsAsync(StreamReader stdout, int count)
    {
        var ports = new Dictionary<int, int>();
        var seen = new StringBuilder();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (ports.Count < count && await stdout.ReadLineAsync(limit.Token) is { } line)
        {
            seen.AppendLine(line);
            if (ForwardingLine().Match(line) is { Success: true } m)
            {
                ports[int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)] = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            }
        }

        Assert.True(ports.Count == count, $"kubectl port-forward printed:\n{seen}");
        return ports;
    }

    [GeneratedRegex(@"^Forwarding from 127\.0\.0\.1:(\d+) -> (\d+)$")]
    private static partial Regex ForwardingLine();
}
