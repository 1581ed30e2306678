using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker;

/// <summary>
/// <see cref="IContainerRuntime"/> over the Docker Engine API. A pod's sandbox is a small pause container on the
/// app's bridge network (its address there is the pod IP); the pod's containers join its network and IPC
/// namespaces, so they reach each other on localhost. Docker never restarts anything (restart policy "no"): the
/// node agent does, learning of exits from the engine's event stream.
/// </summary>
internal sealed partial class DockerContainerRuntime : IContainerRuntime, IAsyncDisposable
{
    private readonly DockerRuntimeOptions _options;
    private readonly DockerClient _client;
    private readonly DockerCallPolicy _calls;
    private readonly DockerImages _images;
    private readonly PauseImage _pause;
    private readonly DockerImageSource _imageSource;
    private readonly DockerEventWatcher _events;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _shutdown = new();

    public DockerContainerRuntime(DockerRuntimeOptions options, TimeProvider time, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _options = options;
        _time = time;
        _logger = loggerFactory.CreateLogger<DockerContainerRuntime>();
        Endpoint = DockerEndpoint.Resolve(options.Endpoint);
        _client = new DockerClientBuilder().WithEndpoint(Endpoint).WithTimeout(Timeout.InfiniteTimeSpan).Build();
        _calls = new DockerCallPolicy(Endpoint, time, options.CallTimeout, options.MaxCallAttempts, loggerFactory.CreateLogger<DockerCallPolicy>());
        _images = new DockerImages(_client, _calls, options.PullTimeout, loggerFactory.CreateLogger<DockerImages>());
        ImageBuildClient = new DockerImageBuildClient(_client, _calls, loggerFactory.CreateLogger<DockerImageBuildClient>());
        _imageSource = new DockerImageSource(_images, ImageBuildClient);
        _pause = new PauseImage(options.PauseImage, options.BusyboxPath, _images, ImageBuildClient);
        _events = new DockerEventWatcher(_client, options.AppName, time, loggerFactory.CreateLogger<DockerEventWatcher>(), _shutdown.Token);
    }

    public string RuntimeName => "docker";

    /// <summary>The engine endpoint in use.</summary>
    public Uri Endpoint { get; }

    /// <summary>Builds images from local directories on this engine.</summary>
    internal DockerImageBuildClient ImageBuildClient { get; }

    /// <summary>The event stream follower (tests break its stream on purpose).</summary>
    internal DockerEventWatcher Events => _events;

    /// <summary>The raw engine client, for tests that act from outside (docker kill).</summary>
    internal IDockerClient Client => _client;

    internal DockerRuntimeOptions Options => _options;

    public async Task<RuntimeInfo> GetInfoAsync(CancellationToken cancellationToken)
    {
        var info = await _calls.ExecuteAsync("get engine info", ct => _client.System.GetSystemInfoAsync(ct), cancellationToken, reason: "RuntimeUnavailable")
            .ConfigureAwait(false);
        await EnsureSweptAsync(cancellationToken).ConfigureAwait(false);
        var address = Endpoint.Scheme is "tcp" or "http" or "https" ? Endpoint.Host : "127.0.0.1";
        return new RuntimeInfo(info.NCPU * 1000, info.MemTotal, address, "docker " + info.ServerVersion);
    }

    public async Task<string> CreateContainerAsync(ContainerCreateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _imageSource.EnsureAsync(request.Image, request.ImageBuildContext, _options.PullPolicy, cancellationToken)
            .ConfigureAwait(false);
        var labels = DockerContainerMapper.Labels(request.Labels, _options, [new(DockerLabels.SandboxId, request.SandboxId)]);
        labels[RuntimeLabels.ContainerName] = request.Name;
        string Label(string key, string fallback) => labels.TryGetValue(key, out var value) ? value : fallback;
        var name = DockerNames.Container(
            request.Name,
            Label(RuntimeLabels.PodName, "pod"),
            Label(RuntimeLabels.PodNamespace, "default"),
            Label(RuntimeLabels.PodUid, request.SandboxId[..Math.Min(12, request.SandboxId.Length)]),
            Label(RuntimeLabels.RestartCount, "0"));
        var parameters = new CreateContainerParameters
        {
            Name = name,
            Image = request.Image,
            // Null, not empty: an empty entrypoint would reset the image's instead of keeping it.
            Entrypoint = request.Command.Count > 0 ? [.. request.Command] : null!,
            Cmd = request.Args.Count > 0 ? [.. request.Args] : null!,
            Env = [.. request.Environment.Select(e => e.Key + "=" + e.Value)],
            WorkingDir = request.WorkingDir!,
            Labels = labels,
            // No exposed ports: the engine refuses them in another container's network namespace; the sandbox has them.
            HostConfig = new HostConfig
            {
                NetworkMode = "container:" + request.SandboxId,
                IpcMode = "container:" + request.SandboxId,
                NanoCPUs = request.CpuLimitMilliCores is { } cpu ? cpu * 1_000_000 : 0,
                Memory = request.MemoryLimitBytes ?? 0,
                RestartPolicy = new RestartPolicy { Name = RestartPolicyKind.No },
            },
        };
        await AttachFilesAsync(request, parameters, cancellationToken).ConfigureAwait(false);
        return await CreateAsync(parameters, "create container", "CreateContainerError", cancellationToken).ConfigureAwait(false);
    }

    public Task StartContainerAsync(string containerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(containerId);
        return _calls.ExecuteAsync(
            "start container",
            ct => _client.Containers.StartContainerAsync(containerId, new ContainerStartParameters(), ct),
            cancellationToken,
            reason: "RunContainerError");
    }

    public Task StopContainerAsync(string containerId, TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(containerId);
        var seconds = (uint)Math.Ceiling(Math.Max(0, gracePeriod.TotalSeconds));
        return _calls.ExecuteAsync(
            "stop container",
            async ct =>
            {
                try
                {
                    await _client.Containers.StopContainerAsync(containerId, new ContainerStopParameters { WaitBeforeKillSeconds = seconds }, ct)
                        .ConfigureAwait(false);
                }
                catch (DockerApiException e) when (DockerErrors.IsNotFound(e))
                {
                }
            },
            cancellationToken,
            _options.CallTimeout + TimeSpan.FromSeconds(seconds));
    }

    public Task RemoveContainerAsync(string containerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(containerId);
        return _calls.ExecuteAsync("remove container", ct => RemoveContainerAndFilesAsync(containerId, ct), cancellationToken);
    }

    public async Task<RuntimeContainer?> InspectContainerAsync(string containerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(containerId);
        var inspect = await InspectAsync(containerId, cancellationToken).ConfigureAwait(false);
        return inspect is null ? null : DockerContainerMapper.ToRuntimeContainer(inspect);
    }

    public async Task<IReadOnlyList<RuntimeContainer>> ListContainersAsync(
        IReadOnlyDictionary<string, string> labelSelector, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(labelSelector);
        await EnsureSweptAsync(cancellationToken).ConfigureAwait(false);
        var found = await ListInspectedAsync(labelSelector, cancellationToken).ConfigureAwait(false);
        return [.. found.Where(c => !IsSandbox(c.Config?.Labels) && !IsFilesHolder(c.Config?.Labels)).Select(DockerContainerMapper.ToRuntimeContainer)];
    }

    public IAsyncEnumerable<ContainerEvent> WatchEventsAsync(CancellationToken cancellationToken) =>
        _events.WatchAsync(cancellationToken);

    public Task<string> GetLogsAsync(string containerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(containerId);
        return _calls.ExecuteAsync(
            "read logs",
            async ct =>
            {
                try
                {
                    var parameters = new ContainerLogsParameters { ShowStdout = true, ShowStderr = true, Follow = false };
                    using var stream = await _client.Containers.GetContainerLogsAsync(containerId, parameters, ct).ConfigureAwait(false);
                    return await DockerLogReader.ReadToEndAsync(stream, ct).ConfigureAwait(false);
                }
                catch (DockerApiException e) when (DockerErrors.IsNotFound(e))
                {
                    throw new ContainerRuntimeException($"container {containerId} not found", e) { Reason = "NotFound" };
                }
            },
            cancellationToken);
    }

    private static bool IsSandbox(IDictionary<string, string>? labels) =>
        labels is not null && labels.TryGetValue(RuntimeLabels.Sandbox, out var value) && value == "true";

    private async Task<string> CreateAsync(
        CreateContainerParameters parameters, string operation, string reason, CancellationToken cancellationToken) =>
        await _calls.ExecuteAsync(
            operation,
            async ct =>
            {
                try
                {
                    return (await _client.Containers.CreateContainerAsync(parameters, ct).ConfigureAwait(false)).ID;
                }
                catch (DockerApiException e) when (DockerErrors.IsConflict(e))
                {
                    // A container of that name exists: an earlier attempt of this very call, or a leftover of the
                    // same pod, container and restart count. The caller asked for a new one: replace it.
                    LogReplacingConflict(parameters.Name ?? string.Empty);
                    await ForceRemoveAsync(parameters.Name!, ct).ConfigureAwait(false);
                    return (await _client.Containers.CreateContainerAsync(parameters, ct).ConfigureAwait(false)).ID;
                }
            },
            cancellationToken,
            reason: reason).ConfigureAwait(false);

    private async Task ForceRemoveAsync(string containerIdOrName, CancellationToken cancellationToken)
    {
        try
        {
            await _client.Containers.RemoveContainerAsync(containerIdOrName, new ContainerRemoveParameters { Force = true }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (DockerApiException e) when (DockerErrors.IsNotFound(e) || DockerErrors.IsConflict(e))
        {
            // Gone already, or its removal is already in progress.
        }
    }

    private Task<ContainerInspectResponse?> InspectAsync(string containerId, CancellationToken cancellationToken) =>
        _calls.ExecuteAsync<ContainerInspectResponse?>(
            "inspect container",
            async ct =>
            {
                try
                {
                    return await _client.Containers.InspectContainerAsync(containerId, ct).ConfigureAwait(false);
                }
                catch (DockerApiException e) when (DockerErrors.IsNotFound(e))
                {
                    return null;
                }
            },
            cancellationToken);

    private async Task<IReadOnlyList<ContainerInspectResponse>> ListInspectedAsync(
        IReadOnlyDictionary<string, string> labelSelector, CancellationToken cancellationToken)
    {
        var listed = await _calls.ExecuteAsync(
            "list containers",
            ct => _client.Containers.ListContainersAsync(DockerContainerMapper.ListParameters(labelSelector), ct),
            cancellationToken).ConfigureAwait(false);
        var inspected = await Task.WhenAll(listed.Select(c => InspectAsync(c.ID, cancellationToken))).ConfigureAwait(false);
        return [.. inspected.OfType<ContainerInspectResponse>()];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A container named {Name} already exists; replacing it")]
    private partial void LogReplacingConflict(string name);
}
