namespace Orchestration.Sdk.Runtime.InMemory;

// Fault injection and inspection for tests. None of these is a runtime call: they work while the node is down,
// and they are not counted by CallCount. A pod is named "name" or "namespace/name".
public sealed partial class InMemoryNode
{
    /// <summary>All container instances on the node (running, created and exited), oldest first.</summary>
    public IReadOnlyList<RuntimeContainer> Containers
    {
        get
        {
            lock (_gate)
            {
                return _containers.Values.OrderBy(c => c.Sequence).Select(c => c.Snapshot()).ToList();
            }
        }
    }

    /// <summary>All pod sandboxes on the node.</summary>
    public IReadOnlyList<PodSandbox> Sandboxes
    {
        get
        {
            lock (_gate)
            {
                return _sandboxes.Values.ToList();
            }
        }
    }

    /// <summary>The newest instance of a pod's container, or null when there is none.</summary>
    /// <param name="podName">The pod's name, or "namespace/name".</param>
    /// <param name="containerName">The container's name within the pod.</param>
    public RuntimeContainer? FindContainer(string podName, string containerName)
    {
        lock (_gate)
        {
            return Newest(podName, containerName)?.Snapshot();
        }
    }

    /// <summary>The output of a container instance (also while the node is down).</summary>
    /// <param name="containerId">The instance.</param>
    /// <exception cref="InvalidOperationException">No such instance.</exception>
    public string GetOutput(string containerId)
    {
        lock (_gate)
        {
            return ById(containerId).Output;
        }
    }

    /// <summary>How many times a runtime call was made (including calls that failed).</summary>
    /// <param name="operation">The call.</param>
    public int CallCount(InMemoryOperation operation)
    {
        lock (_gate)
        {
            return _calls[(int)operation];
        }
    }

    /// <summary>Makes the running instance of a pod's container exit with <paramref name="exitCode"/>.</summary>
    /// <param name="podName">The pod's name, or "namespace/name".</param>
    /// <param name="containerName">The container's name within the pod.</param>
    /// <param name="exitCode">The exit code. <value>The default value is 1.</value></param>
    /// <exception cref="InvalidOperationException">The container is not running on this node.</exception>
    public void CrashContainer(string podName, string containerName, int exitCode = 1)
    {
        lock (_gate)
        {
            ExitLocked(Running(podName, containerName), exitCode, oomKilled: false, "crashed (injected)");
        }
    }

    /// <summary>Makes a running container instance exit with <paramref name="exitCode"/>.</summary>
    /// <param name="containerId">The instance.</param>
    /// <param name="exitCode">The exit code. <value>The default value is 1.</value></param>
    /// <exception cref="InvalidOperationException">No such instance, or it is not running.</exception>
    public void CrashContainerById(string containerId, int exitCode = 1)
    {
        lock (_gate)
        {
            var c = ById(containerId);
            if (c.State != RuntimeContainerState.Running)
            {
                throw new InvalidOperationException($"container {containerId} on node \"{Name}\" is not running ({c.State})");
            }

            ExitLocked(c, exitCode, oomKilled: false, "crashed (injected)");
        }
    }

    /// <summary>Kills the running instance of a pod's container for exceeding its memory limit (exit code 137, OOM killed).</summary>
    /// <param name="podName">The pod's name, or "namespace/name".</param>
    /// <param name="containerName">The container's name within the pod.</param>
    /// <exception cref="InvalidOperationException">The container is not running on this node.</exception>
    public void OomKillContainer(string podName, string containerName)
    {
        lock (_gate)
        {
            ExitLocked(Running(podName, containerName), 137, oomKilled: true, "killed by the out-of-memory killer (injected)");
        }
    }

    /// <summary>
    /// Makes the running instance of a pod's container ignore SIGTERM: a stop then lasts the whole grace period
    /// (on the node's <see cref="TimeProvider"/>) and ends with SIGKILL (exit code 137). By default a container exits at
    /// once on SIGTERM (exit code 143).
    /// </summary>
    /// <param name="podName">The pod's name, or "namespace/name".</param>
    /// <param name="containerName">The container's name within the pod.</param>
    /// <exception cref="InvalidOperationException">The container is not running on this node.</exception>
    public void IgnoreSigterm(string podName, string containerName)
    {
        lock (_gate)
        {
            Running(podName, containerName).IgnoresSigterm = true;
        }
    }

    /// <summary>Makes a container instance ignore SIGTERM (see <see cref="IgnoreSigterm"/>).</summary>
    /// <param name="containerId">The instance.</param>
    /// <exception cref="InvalidOperationException">No such instance.</exception>
    public void IgnoreSigtermById(string containerId)
    {
        lock (_gate)
        {
            ById(containerId).IgnoresSigterm = true;
        }
    }

    /// <summary>Appends a line to the output of the newest instance of a pod's container.</summary>
    /// <param name="podName">The pod's name, or "namespace/name".</param>
    /// <param name="containerName">The container's name within the pod.</param>
    /// <param name="line">The text.</param>
    /// <exception cref="InvalidOperationException">The container has no instance on this node.</exception>
    public void AppendLog(string podName, string containerName, string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        lock (_gate)
        {
            (Newest(podName, containerName) ?? throw NoSuch(podName, containerName)).Write(line);
        }
    }

    /// <summary>Appends a line to the output of a container instance.</summary>
    /// <param name="containerId">The instance.</param>
    /// <param name="line">The text.</param>
    /// <exception cref="InvalidOperationException">No such instance.</exception>
    public void AppendLogById(string containerId, string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        lock (_gate)
        {
            ById(containerId).Write(line);
        }
    }

    /// <summary>Makes containers of <paramref name="image"/> on this node exit right after each start (a crash loop).</summary>
    /// <param name="image">The image reference, as in the pod spec.</param>
    /// <param name="exitCode">The exit code. <value>The default value is 1.</value></param>
    public void CrashImageOnStart(string image, int exitCode = 1)
    {
        ArgumentException.ThrowIfNullOrEmpty(image);
        _images.CrashOnStart(image, exitCode);
    }

    /// <summary>Makes creating containers of <paramref name="image"/> on this node fail with reason "ErrImagePull".</summary>
    /// <param name="image">The image reference, as in the pod spec.</param>
    public void MakeImageNotFound(string image)
    {
        ArgumentException.ThrowIfNullOrEmpty(image);
        _images.NotFound(image);
    }

    /// <summary>Undoes <see cref="CrashImageOnStart"/> and <see cref="MakeImageNotFound"/> for an image on this node.</summary>
    /// <param name="image">The image reference.</param>
    public void RestoreImage(string image)
    {
        ArgumentException.ThrowIfNullOrEmpty(image);
        _images.Restore(image);
    }

    /// <summary>Makes the next <paramref name="count"/> calls of <paramref name="operation"/> throw <see cref="ContainerRuntimeException"/>.</summary>
    /// <param name="operation">The call.</param>
    /// <param name="count">How many calls fail. <value>The default value is 1.</value></param>
    /// <param name="reason">The exception's <see cref="ContainerRuntimeException.Reason"/>. <value>The default value is "RuntimeError".</value></param>
    /// <param name="message">The exception's message. <value>The default value is null: "injected failure of &lt;operation&gt; on node "&lt;name&gt;"".</value></param>
    public void FailNextCalls(InMemoryOperation operation, int count = 1, string reason = "RuntimeError", string? message = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentException.ThrowIfNullOrEmpty(reason);
        lock (_gate)
        {
            _failures[operation] = new InjectedFailure(count, reason, message);
        }
    }

    /// <summary>
    /// Makes every later call of <paramref name="operation"/> take <paramref name="delay"/> on the node's clock before it
    /// runs, as a slow engine does (a Docker container create takes seconds); <see cref="TimeSpan.Zero"/> makes them
    /// immediate again. With a fake clock the calls wait until the test advances it.
    /// </summary>
    /// <param name="operation">The call.</param>
    /// <param name="delay">How long each call takes.</param>
    public void DelayCalls(InMemoryOperation operation, TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        lock (_gate)
        {
            _delays[operation] = delay;
        }
    }

    /// <summary>
    /// Takes the node down, as a network partition: every runtime call throws <see cref="ContainerRuntimeException"/>
    /// with reason "RuntimeUnavailable", the event stream stalls, and the node agent stops heart-beating.
    /// Containers keep their state.
    /// </summary>
    public void TakeDown()
    {
        lock (_gate)
        {
            _down = true;
        }
    }

    /// <summary>
    /// Brings the node back after <see cref="TakeDown"/>. Open event streams get a <see cref="ContainerEventType.Resync"/>.
    /// </summary>
    /// <param name="loseContainers">
    /// False: the containers that were running still run (the node was only unreachable). True: the node restarted and lost
    /// every container and sandbox. <value>The default value is false.</value>
    /// </param>
    public void BringUp(bool loseContainers = false)
    {
        lock (_gate)
        {
            if (loseContainers)
            {
                foreach (var c in _containers.Values)
                {
                    c.Exited.TrySetResult();
                }

                _containers.Clear();
                _containersByPod.Clear();
                foreach (var s in _sandboxes.Values)
                {
                    _addresses.Release(s.IPAddress);
                }

                _sandboxes.Clear();
                _sandboxesByPod.Clear();
            }

            if (_down)
            {
                _down = false;
                PublishResync();
            }
        }
    }

    private static (string? Namespace, string Name) SplitPod(string podName)
    {
        ArgumentException.ThrowIfNullOrEmpty(podName);
        var slash = podName.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (null, podName) : (podName[..slash], podName[(slash + 1)..]);
    }

    private InMemoryContainer ById(string containerId) =>
        _containers.TryGetValue(containerId, out var c) ? c : throw new InvalidOperationException($"no container {containerId} on node \"{Name}\"");

    private InMemoryContainer? Newest(string podName, string containerName)
    {
        ArgumentException.ThrowIfNullOrEmpty(containerName);
        var (ns, name) = SplitPod(podName);
        return _containers.Values.Where(c => c.Matches(name, ns, containerName)).MaxBy(c => c.Sequence);
    }

    private InMemoryContainer Running(string podName, string containerName)
    {
        ArgumentException.ThrowIfNullOrEmpty(containerName);
        var (ns, name) = SplitPod(podName);
        var running = _containers.Values.Where(c => c.State == RuntimeContainerState.Running && c.Matches(name, ns, containerName)).ToList();
        return running.Count switch
        {
            1 => running[0],
            0 => throw new InvalidOperationException($"container \"{containerName}\" of pod \"{podName}\" is not running on node \"{Name}\""),
            _ => throw new InvalidOperationException($"pod \"{podName}\" is ambiguous on node \"{Name}\": name it as \"namespace/name\""),
        };
    }

    private InvalidOperationException NoSuch(string podName, string containerName) =>
        new($"container \"{containerName}\" of pod \"{podName}\" has no instance on node \"{Name}\"");
}
