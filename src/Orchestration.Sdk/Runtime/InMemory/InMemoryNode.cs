using System.Globalization;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Runtime.InMemory;

/// <summary>
/// One simulated node: an <see cref="IContainerRuntime"/> whose containers run until told otherwise. Tests inject faults
/// through its public methods (crash a container, make an image crash on start or be missing, fail the next calls,
/// take the node down). Pod addresses come from 10.244.&lt;node index&gt;.0/24. Create nodes with
/// <see cref="InMemoryCluster.Add"/>.
/// </summary>
public sealed partial class InMemoryNode : IContainerRuntime
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly ImageFaults _clusterImages;
    private readonly ImageFaults _images = new();
    private readonly Dictionary<string, InMemoryContainer> _containers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PodSandbox> _sandboxes = new(StringComparer.Ordinal);
    private readonly PodUidIndex<InMemoryContainer> _containersByPod = new(static c => c.Labels);
    private readonly PodUidIndex<PodSandbox> _sandboxesByPod = new(static s => s.Labels);
    private readonly PodAddressPool _addresses;
    private readonly int[] _calls = new int[Enum.GetValues<InMemoryOperation>().Length];
    private readonly Dictionary<InMemoryOperation, InjectedFailure> _failures = [];
    private readonly Dictionary<InMemoryOperation, TimeSpan> _delays = [];
    private bool _down;
    private long _sequence;

    internal InMemoryNode(string name, int index, long cpuMilliCores, long memoryBytes, IReadOnlyDictionary<string, string> labels, IReadOnlyList<Taint> taints, int maxPods, TimeProvider time, ImageFaults clusterImages)
    {
        Name = name;
        CpuMilliCores = cpuMilliCores;
        MemoryBytes = memoryBytes;
        _time = time;
        _clusterImages = clusterImages;
        _addresses = new PodAddressPool(index);
        Address = PodAddressPool.Format((172u << 24) + (18u << 16) + 2u + (uint)index);
        Node = new RuntimeNode { Name = name, Runtime = this, Labels = labels, Taints = taints, MaxPods = maxPods };
    }

    /// <summary>The node's name.</summary>
    public string Name { get; }

    /// <summary>The node's address (172.18.0.2 for the first node, then counting up).</summary>
    public string Address { get; }

    /// <summary>The pod address range of the node, for example "10.244.0.0/24".</summary>
    public string PodRange => _addresses.Range;

    /// <summary>CPU capacity in milli-cores.</summary>
    public long CpuMilliCores { get; }

    /// <summary>Memory capacity in bytes.</summary>
    public long MemoryBytes { get; }

    /// <summary>The node as the orchestrator sees it (name, labels, taints, pod limit, this runtime).</summary>
    public RuntimeNode Node { get; }

    /// <inheritdoc />
    public string RuntimeName => "in-memory";

    /// <summary>Whether the node is down (see <see cref="TakeDown"/>).</summary>
    public bool IsDown
    {
        get
        {
            lock (_gate)
            {
                return _down;
            }
        }
    }

    /// <inheritdoc />
    public Task<RuntimeInfo> GetInfoAsync(CancellationToken cancellationToken) =>
        Call(InMemoryOperation.GetInfo, cancellationToken, () => new RuntimeInfo(CpuMilliCores, MemoryBytes, Address, "in-memory 1.0"));

    /// <inheritdoc />
    public Task<PodSandbox> RunPodSandboxAsync(PodSandboxRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Call(InMemoryOperation.RunPodSandbox, cancellationToken, () =>
        {
            var ip = _addresses.Allocate() ?? throw new ContainerRuntimeException(
                $"failed to set up the network of pod \"{request.PodName}\": no free address left in {_addresses.Range}")
            { Reason = "FailedCreatePodSandBox" };
            var sandbox = new PodSandbox(NewId(), ip, request.Labels);
            _sandboxes[sandbox.Id] = sandbox;
            _sandboxesByPod.Add(sandbox);
            return sandbox;
        });
    }

    /// <inheritdoc />
    public Task RemovePodSandboxAsync(string sandboxId, CancellationToken cancellationToken) =>
        Call(InMemoryOperation.RemovePodSandbox, cancellationToken, () =>
        {
            foreach (var c in _containers.Values.Where(c => c.SandboxId == sandboxId).ToList())
            {
                RemoveLocked(c);
            }

            if (_sandboxes.Remove(sandboxId, out var sandbox))
            {
                _sandboxesByPod.Remove(sandbox);
                _addresses.Release(sandbox.IPAddress);
                RemovePodVolumesLocked(sandbox);
            }

            return true;
        });

    /// <inheritdoc />
    public Task<IReadOnlyList<PodSandbox>> ListPodSandboxesAsync(IReadOnlyDictionary<string, string> labelSelector, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(labelSelector);
        return Call<IReadOnlyList<PodSandbox>>(InMemoryOperation.ListPodSandboxes, cancellationToken, () =>
            _sandboxesByPod.Candidates(labelSelector, _sandboxes.Values).Where(s => MatchesSelector(s.Labels, labelSelector)).ToList());
    }

    /// <inheritdoc />
    public Task<string> CreateContainerAsync(ContainerCreateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Call(InMemoryOperation.CreateContainer, cancellationToken, () =>
        {
            if (_images.IsNotFound(request.Image) || _clusterImages.IsNotFound(request.Image))
            {
                throw new ContainerRuntimeException($"Failed to pull image \"{request.Image}\": not found") { Reason = "ErrImagePull" };
            }

            if (!_sandboxes.ContainsKey(request.SandboxId))
            {
                throw new ContainerRuntimeException($"failed to create container \"{request.Name}\": pod sandbox {request.SandboxId} not found")
                { Reason = "CreateContainerError" };
            }

            MountLocked(request);
            var container = new InMemoryContainer(NewId(), ++_sequence, request, _time.GetUtcNow());
            _containers[container.Id] = container;
            _containersByPod.Add(container);
            return container.Id;
        });
    }

    /// <inheritdoc />
    public Task StartContainerAsync(string containerId, CancellationToken cancellationToken) =>
        Call(InMemoryOperation.StartContainer, cancellationToken, () =>
        {
            if (!_containers.TryGetValue(containerId, out var c))
            {
                throw new ContainerRuntimeException($"failed to start container {containerId}: no such container") { Reason = "RunContainerError" };
            }

            if (c.State == RuntimeContainerState.Exited)
            {
                throw new ContainerRuntimeException($"failed to start container {containerId}: it has already exited; create a new one")
                { Reason = "RunContainerError" };
            }

            if (c.State == RuntimeContainerState.Running)
            {
                return true;
            }

            var now = _time.GetUtcNow();
            c.Start(now);
            Publish(ContainerEventType.Started, c, now);
            var crash = _images.CrashExitCode(c.Request.Image) ?? _clusterImages.CrashExitCode(c.Request.Image);
            if (crash is { } code)
            {
                ExitLocked(c, code, oomKilled: false, "crashed on start (injected)");
            }

            return true;
        });

    /// <inheritdoc />
    public async Task StopContainerAsync(string containerId, TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        Task? exited = null;
        Task? delay = null;
        using var delayCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await Call(InMemoryOperation.StopContainer, cancellationToken, () =>
        {
            if (!_containers.TryGetValue(containerId, out var c) || c.State != RuntimeContainerState.Running)
            {
                return true;
            }

            if (gracePeriod <= TimeSpan.Zero)
            {
                ExitLocked(c, 137, oomKilled: false, "killed (SIGKILL)");
            }
            else if (!c.IgnoresSigterm)
            {
                ExitLocked(c, 143, oomKilled: false, "terminated (SIGTERM)");
            }
            else
            {
                // Register the timer before the log line, so a test that sees the line can advance the clock.
                delay = Task.Delay(gracePeriod, _time, delayCancel.Token);
                exited = c.Exited.Task;
                c.Write(string.Create(CultureInfo.InvariantCulture, $"received SIGTERM; ignoring it (killed after the {gracePeriod.TotalSeconds:0.###}s grace period)"));
            }

            return true;
        }).ConfigureAwait(false);

        if (delay is null)
        {
            return;
        }

        await Task.WhenAny(delay, exited!).ConfigureAwait(false);
        await delayCancel.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_containers.TryGetValue(containerId, out var c) && c.State == RuntimeContainerState.Running)
            {
                ExitLocked(c, 137, oomKilled: false, "killed (SIGKILL) after the grace period");
            }
        }
    }

    /// <inheritdoc />
    public Task RemoveContainerAsync(string containerId, CancellationToken cancellationToken) =>
        Call(InMemoryOperation.RemoveContainer, cancellationToken, () =>
        {
            if (_containers.TryGetValue(containerId, out var c))
            {
                RemoveLocked(c);
            }

            return true;
        });

    /// <inheritdoc />
    public Task<RuntimeContainer?> InspectContainerAsync(string containerId, CancellationToken cancellationToken) =>
        Call(InMemoryOperation.InspectContainer, cancellationToken, () => _containers.TryGetValue(containerId, out var c) ? c.Snapshot() : null);

    /// <inheritdoc />
    public Task<IReadOnlyList<RuntimeContainer>> ListContainersAsync(IReadOnlyDictionary<string, string> labelSelector, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(labelSelector);
        return Call<IReadOnlyList<RuntimeContainer>>(InMemoryOperation.ListContainers, cancellationToken, () =>
            _containersByPod.Candidates(labelSelector, _containers.Values).Where(c => MatchesSelector(c.Labels, labelSelector)).OrderBy(c => c.Sequence).Select(c => c.Snapshot()).ToList());
    }

    /// <inheritdoc />
    public Task<string> GetLogsAsync(string containerId, CancellationToken cancellationToken) =>
        Call(InMemoryOperation.GetLogs, cancellationToken, () => _containers.TryGetValue(containerId, out var c)
            ? c.Output
            : throw new ContainerRuntimeException($"container {containerId} not found on node \"{Name}\"") { Reason = "NotFound" });

    /// <summary>
    /// Follows a container's output: all of it first, then each write as it happens, until the instance exits or the
    /// token fires (what <c>kubectl logs -f</c> reads).
    /// </summary>
    /// <param name="containerId">The instance.</param>
    /// <param name="cancellationToken">Ends the stream.</param>
    /// <returns>The output so far, then each new piece of output.</returns>
    /// <exception cref="ContainerRuntimeException">No such instance (reason <c>NotFound</c>).</exception>
    public async IAsyncEnumerable<string> FollowLogsAsync(string containerId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        InMemoryContainer container;
        string text;
        Task next;
        lock (_gate)
        {
            container = _containers.TryGetValue(containerId, out var c)
                ? c
                : throw new ContainerRuntimeException($"container {containerId} not found on node \"{Name}\"") { Reason = "NotFound" };
            text = container.Output;
            next = container.NextWrite;
        }

        var position = text.Length;
        yield return text;
        while (!cancellationToken.IsCancellationRequested)
        {
            var exited = container.Exited.Task;
            try
            {
                await Task.WhenAny(next, exited).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }

            lock (_gate)
            {
                text = container.OutputFrom(position);
                position = container.OutputLength;
                next = container.NextWrite;
            }

            if (text.Length > 0)
            {
                yield return text;
            }

            if (exited.IsCompleted && !next.IsCompleted)
            {
                yield break;
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"in-memory node {Name} ({Address})";
}
