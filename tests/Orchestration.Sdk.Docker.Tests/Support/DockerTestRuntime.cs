using Microsoft.Extensions.Logging.Abstractions;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker.Tests.Support;

/// <summary>
/// A runtime on the real engine for one test: a unique app name (so its network, containers and events are its own)
/// and RemoveOnShutdown, so disposing it removes everything it created.
/// </summary>
internal sealed class DockerTestRuntime : IAsyncDisposable
{
    private DockerTestRuntime(DockerContainerRuntime runtime) => Runtime = runtime;

    public DockerContainerRuntime Runtime { get; }

    public string AppName => Runtime.Options.AppName;

    public static async Task<DockerTestRuntime> CreateAsync(Action<DockerRuntimeOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new DockerRuntimeOptions
        {
            AppName = NewAppName(),
            NodeName = "docker-test-node",
            Lifetime = DockerLifetime.RemoveOnShutdown,
            CallTimeout = TimeSpan.FromSeconds(20),
        };
        configure?.Invoke(options);
        await TestImage.EnsureBuiltAsync(options.Endpoint);
        return new DockerTestRuntime(new DockerContainerRuntime(options, time ?? TimeProvider.System, NullLoggerFactory.Instance));
    }

    public static string NewAppName() => TestImage.AppPrefix + Guid.NewGuid().ToString("N")[..10];

    public Task<PodSandbox> RunSandboxAsync(string podName = "pod", string? podUid = null, IReadOnlyList<int>? ports = null) =>
        Runtime.RunPodSandboxAsync(
            new PodSandboxRequest
            {
                PodUid = podUid ?? Guid.NewGuid().ToString(),
                PodName = podName,
                Namespace = "default",
                Labels = new Dictionary<string, string> { [RuntimeLabels.App] = AppName, [RuntimeLabels.Node] = Runtime.Options.NodeName },
                Ports = ports ?? [],
            },
            CancellationToken.None);

    public ContainerCreateRequest Request(PodSandbox sandbox, string name, params string[] script) => new()
    {
        SandboxId = sandbox.Id,
        Name = name,
        Image = TestImage.Name,
        Command = script.Length == 0 ? [] : ["/bin/sh", "-c", string.Join("\n", script)],
        Labels = new Dictionary<string, string>(sandbox.Labels.Where(l => l.Key.StartsWith("io.orchestration.pod.", StringComparison.Ordinal)))
        {
            [RuntimeLabels.App] = AppName,
            [RuntimeLabels.Node] = Runtime.Options.NodeName,
            [RuntimeLabels.ContainerName] = name,
            [RuntimeLabels.RestartCount] = "0",
        },
    };

    /// <summary>Creates and starts a container running <paramref name="script"/> with /bin/sh -c.</summary>
    public async Task<string> RunAsync(PodSandbox sandbox, string name, params string[] script) =>
        await RunAsync(Request(sandbox, name, script));

    public async Task<string> RunAsync(ContainerCreateRequest request)
    {
        var id = await Runtime.CreateContainerAsync(request, CancellationToken.None);
        await Runtime.StartContainerAsync(id, CancellationToken.None);
        return id;
    }

    /// <summary>Polls the container's logs until they contain <paramref name="text"/> (real time, bounded); returns them.</summary>
    public Task<string> WaitForLogAsync(string containerId, string text, TimeSpan? timeout = null) =>
        Poll.UntilAsync(
            $"'{text}' is in the logs of {containerId}",
            () => Runtime.GetLogsAsync(containerId, CancellationToken.None),
            logs => logs.Contains(text, StringComparison.Ordinal),
            timeout ?? TimeSpan.FromSeconds(15),
            TimeSpan.FromMilliseconds(50));

    /// <summary>Polls until the container has exited (real time, bounded).</summary>
    public async Task<RuntimeContainer> WaitForExitAsync(string containerId, TimeSpan? timeout = null) =>
        (await Poll.UntilAsync(
            $"container {containerId} exited",
            () => Runtime.InspectContainerAsync(containerId, CancellationToken.None),
            c => c is { State: RuntimeContainerState.Exited },
            timeout ?? TimeSpan.FromSeconds(15),
            TimeSpan.FromMilliseconds(50)))!;

    public ValueTask DisposeAsync() => Runtime.DisposeAsync();
}
