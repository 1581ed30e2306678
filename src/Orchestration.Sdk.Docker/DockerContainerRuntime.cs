using Docker.DotNet;
using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Docker.Cleanup;
using Orchestration.Sdk.Docker.Containers;
using Orchestration.Sdk.Docker.Exec;
using Orchestration.Sdk.Docker.Files;
using Orchestration.Sdk.Docker.Metrics;
using Orchestration.Sdk.Docker.Sandboxes;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Runtime.Probes;

namespace Orchestration.Sdk.Docker;

/// <summary>
/// <see cref="IContainerRuntime"/> over the Docker Engine API. A pod's sandbox is a small pause container on the
/// app's bridge network (its address there is the pod IP); the pod's containers join its network and IPC
/// namespaces, so they reach each other on localhost. Docker never restarts anything (restart policy "no"): the
/// node agent does, learning of exits from the engine's event stream. This type only wires and delegates: sandboxes,
/// containers, files, exec probes, hosts files, statistics, the sweep of dead sessions and the shutdown path are each
/// a collaborator of their own.
/// </summary>
internal sealed partial class DockerContainerRuntime : IContainerRuntime, IContainerFileUpdater, IProbeRunner, IAsyncDisposable
{
    private readonly DockerConnection _engine;
    private readonly DockerEventWatcher _events;
    private readonly DockerSandboxes _sandboxes;
    private readonly DockerContainers _containers;
    private readonly DockerFiles _files;
    private readonly DockerExec _exec;
    private readonly DockerExecProbe _probes;
    private readonly DockerNetwork _network;
    private readonly DockerHosts _hosts;
    private readonly DockerSweep _sweep;
    private readonly DockerShutdown _shutdownPath;
    private readonly CancellationTokenSource _shutdown = new();
    private int _disposed;

    public DockerContainerRuntime(DockerRuntimeOptions options, TimeProvider time, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var logger = loggerFactory.CreateLogger<DockerContainerRuntime>();
        Endpoint = DockerEndpoint.Resolve(options.Endpoint);
        var client = new DockerClientBuilder().WithEndpoint(Endpoint).WithTimeout(Timeout.InfiniteTimeSpan).Build();
        var calls = new DockerCallPolicy(Endpoint, time, options.CallTimeout, options.MaxCallAttempts, loggerFactory.CreateLogger<DockerCallPolicy>());
        _engine = new DockerConnection(client, calls, options, time);
        var images = new DockerImages(client, calls, options.PullTimeout, loggerFactory.CreateLogger<DockerImages>());
        ImageBuildClient = new DockerImageBuildClient(client, calls, loggerFactory.CreateLogger<DockerImageBuildClient>());
        var pause = new PauseImage(options.PauseImage, options.BusyboxPath, images, ImageBuildClient);
        _events = new DockerEventWatcher(client, options.AppName, time, loggerFactory.CreateLogger<DockerEventWatcher>(), _shutdown.Token);

        var api = new DockerContainerApi(_engine, logger);
        _exec = new DockerExec(_engine);
        _probes = new DockerExecProbe(_engine);
        _files = new DockerFiles(_engine, api, _exec, pause, logger);
        _sweep = new DockerSweep(_engine, api, _files, logger);
        _network = new DockerNetwork(_engine);
        _hosts = new DockerHosts(_engine, api, _exec);
        _sandboxes = new DockerSandboxes(_engine, api, _network, _hosts, _files, _sweep, pause, logger);
        _containers = new DockerContainers(_engine, api, new DockerImageSource(images, ImageBuildClient), _files, _sweep);
        _shutdownPath = new DockerShutdown(_engine, api, _files, _network, logger);
        Stats = new DockerStats(_engine);
    }

    public string RuntimeName => "docker";

    /// <summary>The engine endpoint in use.</summary>
    public Uri Endpoint { get; }

    /// <summary>Builds images from local directories on this engine.</summary>
    internal DockerImageBuildClient ImageBuildClient { get; }

    /// <summary>The event stream follower (tests break its stream on purpose).</summary>
    internal DockerEventWatcher Events => _events;

    /// <summary>The raw engine client, for tests that act from outside (docker kill).</summary>
    internal IDockerClient Client => _engine.Client;

    internal DockerRuntimeOptions Options => _engine.Options;

    /// <summary>The engine's container statistics, for the autoscaler's pod metrics.</summary>
    internal DockerStats Stats { get; }

    public async Task<RuntimeInfo> GetInfoAsync(CancellationToken cancellationToken)
    {
        var info = await _engine.Calls.ExecuteAsync("get engine info", ct => _engine.Client.System.GetSystemInfoAsync(ct), cancellationToken, reason: "RuntimeUnavailable")
            .ConfigureAwait(false);
        await _sweep.EnsureSweptAsync(cancellationToken).ConfigureAwait(false);
        var address = Endpoint.Scheme is "tcp" or "http" or "https" ? Endpoint.Host : "127.0.0.1";
        return new RuntimeInfo(info.NCPU * 1000, info.MemTotal, address, "docker " + info.ServerVersion);
    }

    public Task<PodSandbox> RunPodSandboxAsync(PodSandboxRequest request, CancellationToken cancellationToken) =>
        _sandboxes.RunAsync(request, cancellationToken);

    public Task RemovePodSandboxAsync(string sandboxId, CancellationToken cancellationToken) =>
        _sandboxes.RemoveAsync(sandboxId, cancellationToken);

    /// <summary>
    /// Lists the running sandboxes matching <paramref name="labelSelector"/>; one that exited is removed with its
    /// containers (see <see cref="DockerSandboxes.ListAsync"/>).
    /// </summary>
    public Task<IReadOnlyList<PodSandbox>> ListPodSandboxesAsync(IReadOnlyDictionary<string, string> labelSelector, CancellationToken cancellationToken) =>
        _sandboxes.ListAsync(labelSelector, cancellationToken);

    public Task<string> CreateContainerAsync(ContainerCreateRequest request, CancellationToken cancellationToken) =>
        _containers.CreateAsync(request, cancellationToken);

    public Task StartContainerAsync(string containerId, CancellationToken cancellationToken) =>
        _containers.StartAsync(containerId, cancellationToken);

    public Task StopContainerAsync(string containerId, TimeSpan gracePeriod, CancellationToken cancellationToken) =>
        _containers.StopAsync(containerId, gracePeriod, cancellationToken);

    public Task RemoveContainerAsync(string containerId, CancellationToken cancellationToken) =>
        _containers.RemoveAsync(containerId, cancellationToken);

    public Task<RuntimeContainer?> InspectContainerAsync(string containerId, CancellationToken cancellationToken) =>
        _containers.InspectAsync(containerId, cancellationToken);

    public Task<IReadOnlyList<RuntimeContainer>> ListContainersAsync(IReadOnlyDictionary<string, string> labelSelector, CancellationToken cancellationToken) =>
        _containers.ListAsync(labelSelector, cancellationToken);

    public IAsyncEnumerable<ContainerEvent> WatchEventsAsync(CancellationToken cancellationToken) =>
        _events.WatchAsync(cancellationToken);

    public Task<string> GetLogsAsync(string containerId, CancellationToken cancellationToken) =>
        _containers.GetLogsAsync(containerId, cancellationToken);

    /// <inheritdoc />
    public Task UpdateFilesAsync(string containerId, IReadOnlyList<ContainerFile> files, CancellationToken cancellationToken) =>
        _files.UpdateFilesAsync(containerId, files, cancellationToken);

    /// <inheritdoc />
    public bool Runs(Probe probe) => _probes.Runs(probe);

    /// <summary>Runs an exec probe in the container (see <see cref="DockerExecProbe"/>).</summary>
    public Task<ProbeResult> ProbeAsync(string containerId, Probe probe, ProbeKind kind, CancellationToken cancellationToken) =>
        _probes.ProbeAsync(containerId, probe, kind, cancellationToken);

    /// <summary>The app network's IPv4 gateway, creating the network when needed.</summary>
    public Task<string> GetNetworkGatewayAsync(CancellationToken cancellationToken) => _network.GetGatewayAsync(cancellationToken);

    /// <summary>Rewrites the hosts file of every running sandbox of the app with <paramref name="services"/>.</summary>
    public Task WriteHostsAsync(IReadOnlyList<HostAlias> services, CancellationToken cancellationToken) =>
        _hosts.WriteAsync(services, cancellationToken);

    /// <summary>Runs a command in a running container; returns its exit code and combined output.</summary>
    internal Task<(long ExitCode, string Output)> ExecAsync(string containerId, IList<string> command, CancellationToken cancellationToken) =>
        _exec.ExecAsync(containerId, command, cancellationToken);

    /// <summary>Removes the leftovers of dead <see cref="DockerLifetime.RemoveOnShutdown"/> sessions now.</summary>
    /// <returns>How many containers were removed.</returns>
    internal Task<int> SweepAsync(CancellationToken cancellationToken) => _sweep.SweepAsync(cancellationToken);

    /// <summary>
    /// The orchestrator stopped: applies the lifetime option (see <see cref="DockerShutdown"/>). The runtime stays
    /// usable. Never throws: failures are logged.
    /// </summary>
    internal Task ShutdownAsync(CancellationToken cancellationToken) =>
        Volatile.Read(ref _disposed) == 1 ? Task.CompletedTask : _shutdownPath.RunAsync(cancellationToken);

    /// <summary>Stops following events, runs <see cref="ShutdownAsync"/>, and releases the engine connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Volatile.Read(ref _disposed) == 1)
        {
            return;
        }

        await _shutdown.CancelAsync().ConfigureAwait(false);
        await ShutdownAsync(CancellationToken.None).ConfigureAwait(false);
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _engine.Client.Dispose();
        _shutdown.Dispose();
        _network.Dispose();
        _sweep.Dispose();
    }
}
