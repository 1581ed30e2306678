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
    private readonly Volumes.DockerVolumes _volumes;
    private readonly DockerExec _exec;
    private readonly DockerExecProbe _probes;
    private readonly DockerNetwork _network;
    private readonly DockerHosts _hosts;
    private readonly DockerSweep _sweep;
    private readonly DockerShutdown _shutdownPath;
    private readonly DockerOwnerLease _lease;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly ILogger _logger;
    private readonly DockerHeartbeat _heartbeat;
    private int _disposed;

    public DockerContainerRuntime(DockerRuntimeOptions options, TimeProvider time, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var logger = loggerFactory.CreateLogger<DockerContainerRuntime>();
        _logger = logger;
        Endpoint = DockerEndpoint.Resolve(options.Endpoint);
        var client = DockerClientFactory.Create(Endpoint, options.Engine);
        var calls = new DockerCallPolicy(Endpoint, time, options.CallTimeout, options.MaxCallAttempts, loggerFactory.CreateLogger<DockerCallPolicy>());
        _engine = new DockerConnection(client, calls, options, time);
        _heartbeat = new DockerHeartbeat(_engine);
        var images = new DockerImages(client, calls, options.PullTimeout, loggerFactory.CreateLogger<DockerImages>());
        ImageBuildClient = new DockerImageBuildClient(client, calls, loggerFactory.CreateLogger<DockerImageBuildClient>());
        var pause = new PauseImage(options.PauseImage, options.BusyboxPath, images, ImageBuildClient);
        _events = new DockerEventWatcher(client, options.AppName, time, loggerFactory.CreateLogger<DockerEventWatcher>(), _shutdown.Token);

        var api = new DockerContainerApi(_engine, logger);
        _exec = new DockerExec(_engine);
        _probes = new DockerExecProbe(_engine);
        _files = new DockerFiles(_engine, api, _exec, pause, logger);
        _volumes = new Volumes.DockerVolumes(_engine);
        _sweep = new DockerSweep(_engine, api, _files, logger, _volumes);
        _network = new DockerNetwork(_engine);
        _hosts = new DockerHosts(_engine, api, _exec);
        _sandboxes = new DockerSandboxes(_engine, api, _network, _hosts, _files, _sweep, pause, logger, _volumes);
        _containers = new DockerContainers(_engine, api, new DockerImageSource(images, ImageBuildClient), _files, _sweep, _volumes);
        _shutdownPath = new DockerShutdown(_engine, api, _files, _network, logger, _volumes);
        _lease = new DockerOwnerLease(_engine, api, pause);
        Stats = new DockerStats(_engine);
    }

    public string RuntimeName => "docker";

    /// <summary>The engine endpoint in use.</summary>
    public Uri Endpoint { get; }

    /// <summary>Builds images from local directories on this engine.</summary>
    internal DockerImageBuildClient ImageBuildClient { get; }

    /// <summary>The event stream follower (tests break its stream on purpose).</summary>
    internal DockerEventWatcher Events => _events;

    /// <summary>False while the engine misses its heartbeats (see <see cref="DockerHeartbeat"/>).</summary>
    internal bool IsAnswering => _heartbeat.IsAnswering;

    /// <summary>The raw engine client, for tests that act from outside (docker kill).</summary>
    internal IDockerClient Client => _engine.Client;

    internal DockerRuntimeOptions Options => _engine.Options;

    /// <summary>The engine's container statistics, for the autoscaler's pod metrics.</summary>
    internal DockerStats Stats { get; }

    public async Task<RuntimeInfo> GetInfoAsync(CancellationToken cancellationToken)
    {
        var info = await _heartbeat.BeatAsync(cancellationToken).ConfigureAwait(false);
        await _sweep.EnsureSweptAsync(cancellationToken).ConfigureAwait(false);
        var podman = await _engine.IsPodmanAsync(cancellationToken).ConfigureAwait(false);
        return DockerNodeCapacity.Of(Options.Engine, Endpoint, info.NCPU, info.MemTotal, (podman ? "podman " : "docker ") + info.ServerVersion);
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
    public Task RemoveVolumeAsync(string volumeId, CancellationToken cancellationToken) =>
        _volumes.RemoveClaimVolumeAsync(volumeId, cancellationToken);

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
    internal async Task ShutdownAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _disposed) == 1)
        {
            return;
        }

        await _shutdownPath.RunAsync(cancellationToken).ConfigureAwait(false);
        if (!_shutdownPath.GaveUp)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_engine.Options.ShutdownTimeout);
            try
            {
                await _lease.ReleaseAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // An engine that does not answer keeps its lease marker; the next host's sweep finds this session dead.
                LogLeaseNotReleased(_logger, Endpoint, e.Message);
            }
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "The app's lease on the engine at {Endpoint} was not released: {Error}")]
    private static partial void LogLeaseNotReleased(ILogger logger, Uri endpoint, string error);

    /// <summary>Takes this app name's lease on the engine, or fails naming the live host that holds it (see <see cref="DockerOwnerLease"/>).</summary>
    internal Task AcquireLeaseAsync(CancellationToken cancellationToken) => _lease.AcquireAsync(cancellationToken);

    /// <summary>Stops following events, runs <see cref="ShutdownAsync"/>, and releases the engine connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Volatile.Read(ref _disposed) == 1)
        {
            return;
        }

        await _shutdown.CancelAsync().ConfigureAwait(false);
        if (!_shutdownPath.GaveUp)
        {
            // Once more, for what a host that never stopped cleanly left; not when the stop already gave up on an
            // engine that does not answer, so the exit stays bounded by one ShutdownTimeout.
            await ShutdownAsync(CancellationToken.None).ConfigureAwait(false);
        }
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
