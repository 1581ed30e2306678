using System.Collections.Concurrent;
using System.Threading.Channels;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Extensibility.Tests;

/// <summary>
/// A container runtime written against the public contracts only: sandboxes and containers are entries in a
/// dictionary, a started container runs until it is stopped, and every state change is sent on the event stream (the
/// node agent learns of exits from it, never by polling). It is what a Podman or remote-host runtime has to provide.
/// </summary>
internal sealed class TinyRuntime(TimeProvider time) : IContainerRuntime
{
    private readonly ConcurrentDictionary<string, PodSandbox> _sandboxes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RuntimeContainer> _containers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _sandboxOf = new(StringComparer.Ordinal);
    private readonly Channel<ContainerEvent> _events = Channel.CreateUnbounded<ContainerEvent>();
    private int _nextId;
    private int _nextAddress = 1;

    public string RuntimeName => "tiny";

    /// <summary>The containers that run now, by id.</summary>
    public IReadOnlyList<RuntimeContainer> Running => [.. _containers.Values.Where(c => c.State == RuntimeContainerState.Running)];

    public Task<RuntimeInfo> GetInfoAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new RuntimeInfo(CpuMilliCores: 2000, MemoryBytes: 4L << 30, Address: "10.1.0.1", Version: "tiny 1.0"));

    public Task<PodSandbox> RunPodSandboxAsync(PodSandboxRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var address = "10.1.1." + Interlocked.Increment(ref _nextAddress).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var sandbox = new PodSandbox(NewId("sandbox"), address, request.Labels);
        _sandboxes[sandbox.Id] = sandbox;
        return Task.FromResult(sandbox);
    }

    public Task RemovePodSandboxAsync(string sandboxId, CancellationToken cancellationToken)
    {
        foreach (var member in _sandboxOf.Where(m => m.Value == sandboxId).Select(m => m.Key).ToList())
        {
            Remove(member);
        }

        _sandboxes.TryRemove(sandboxId, out _); // removing a missing sandbox succeeds, as the contract says
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PodSandbox>> ListPodSandboxesAsync(IReadOnlyDictionary<string, string> labelSelector, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PodSandbox>>([.. _sandboxes.Values.Where(s => Matches(s.Labels, labelSelector))]);

    public Task<string> CreateContainerAsync(ContainerCreateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_sandboxes.ContainsKey(request.SandboxId))
        {
            throw new ContainerRuntimeException($"no such sandbox: {request.SandboxId}") { Reason = "CreateContainerError" };
        }

        var container = new RuntimeContainer
        {
            Id = NewId("container"),
            Labels = request.Labels,
            Image = request.Image,
            State = RuntimeContainerState.Created,
            CreatedAt = time.GetUtcNow(),
        };
        _containers[container.Id] = container;
        _sandboxOf[container.Id] = request.SandboxId;
        return Task.FromResult(container.Id);
    }

    public Task StartContainerAsync(string containerId, CancellationToken cancellationToken)
    {
        var container = Get(containerId) with { State = RuntimeContainerState.Running, StartedAt = time.GetUtcNow() };
        _containers[containerId] = container;
        Publish(ContainerEventType.Started, container);
        return Task.CompletedTask;
    }

    public Task StopContainerAsync(string containerId, TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        if (_containers.TryGetValue(containerId, out var container) && container.State == RuntimeContainerState.Running)
        {
            // SIGTERM is honoured at once: exit code 143 (128 + 15), as a process that handles it.
            container = container with { State = RuntimeContainerState.Exited, ExitCode = 143, FinishedAt = time.GetUtcNow() };
            _containers[containerId] = container;
            Publish(ContainerEventType.Exited, container);
        }

        return Task.CompletedTask; // stopping a stopped or missing container succeeds
    }

    public Task RemoveContainerAsync(string containerId, CancellationToken cancellationToken)
    {
        Remove(containerId);
        return Task.CompletedTask;
    }

    public Task<RuntimeContainer?> InspectContainerAsync(string containerId, CancellationToken cancellationToken) =>
        Task.FromResult(_containers.GetValueOrDefault(containerId));

    public Task<IReadOnlyList<RuntimeContainer>> ListContainersAsync(IReadOnlyDictionary<string, string> labelSelector, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RuntimeContainer>>([.. _containers.Values.Where(c => Matches(c.Labels, labelSelector))]);

    public IAsyncEnumerable<ContainerEvent> WatchEventsAsync(CancellationToken cancellationToken) => _events.Reader.ReadAllAsync(cancellationToken);

    public Task<string> GetLogsAsync(string containerId, CancellationToken cancellationToken) =>
        Task.FromResult(_containers.TryGetValue(containerId, out var c) ? $"{c.Image} started at {c.StartedAt:O}\n" : string.Empty);

    private static bool Matches(IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string> selector) =>
        selector.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);

    private RuntimeContainer Get(string containerId) =>
        _containers.GetValueOrDefault(containerId)
        ?? throw new ContainerRuntimeException($"no such container: {containerId}") { Reason = "NotFound" };

    private void Remove(string containerId)
    {
        _sandboxOf.TryRemove(containerId, out _);
        if (_containers.TryRemove(containerId, out var container))
        {
            Publish(ContainerEventType.Removed, container);
        }
    }

    private void Publish(ContainerEventType type, RuntimeContainer container) =>
        _events.Writer.TryWrite(new ContainerEvent(type, container.Id, container.Labels, container.ExitCode, time.GetUtcNow()));

    private string NewId(string prefix) => prefix + "-" + Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
