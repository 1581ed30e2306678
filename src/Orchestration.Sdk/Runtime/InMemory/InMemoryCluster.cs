using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Runtime.InMemory;

/// <summary>
/// A cluster of simulated nodes for tests and samples: <c>nodes.Add("n1", cpu: 4, memory: "8Gi")</c>. Each node is an
/// <see cref="InMemoryNode"/> whose containers run until a test crashes them; time comes from the
/// <see cref="TimeProvider"/> given here (a fake clock in tests). Nodes may be added before or while the orchestrator runs.
/// </summary>
public sealed class InMemoryCluster : INodeProvider
{
    private readonly Lock _gate = new();
    private readonly List<InMemoryNode> _nodes = [];
    private readonly Dictionary<string, InMemoryNode> _byName = new(StringComparer.Ordinal);
    private readonly ImageFaults _images = new();
    private readonly TimeProvider _time;

    /// <summary>Creates an empty cluster.</summary>
    /// <param name="time">The clock of the simulated containers (start and exit times, grace periods).</param>
    public InMemoryCluster(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    /// <inheritdoc />
    public event EventHandler<RuntimeNode>? NodeAdded;

    /// <inheritdoc />
    public IReadOnlyList<RuntimeNode> Nodes
    {
        get
        {
            lock (_gate)
            {
                return _nodes.Select(n => n.Node).ToList();
            }
        }
    }

    /// <summary>The simulated nodes, in the order they were added.</summary>
    public IReadOnlyList<InMemoryNode> SimulatedNodes
    {
        get
        {
            lock (_gate)
            {
                return _nodes.ToList();
            }
        }
    }

    /// <summary>Gets a node by name.</summary>
    /// <param name="name">The node's name.</param>
    /// <exception cref="KeyNotFoundException">There is no such node.</exception>
    public InMemoryNode this[string name] => GetNode(name);

    /// <summary>
    /// Adds a simulated node. Raises <see cref="NodeAdded"/>, so a running orchestrator starts a node agent for it.
    /// </summary>
    /// <param name="name">The node's name, unique in the cluster.</param>
    /// <param name="cpu">CPU capacity in cores. <value>The default value is 4.</value></param>
    /// <param name="memory">Memory capacity as a quantity. <value>The default value is "8Gi".</value></param>
    /// <param name="labels">Node labels. <value>The default value is null (none).</value></param>
    /// <param name="taints">Node taints. <value>The default value is null (none).</value></param>
    /// <param name="maxPods">The most pods the node takes. <value>The default value is 110, as Kubernetes'.</value></param>
    /// <returns>The node, for fault injection.</returns>
    /// <exception cref="ArgumentException">The name is empty or taken, or a capacity is not positive.</exception>
    /// <exception cref="FormatException"><paramref name="memory"/> is not a quantity.</exception>
    public InMemoryNode Add(string name, double cpu = 4, string memory = "8Gi", IReadOnlyDictionary<string, string>? labels = null, IEnumerable<Taint>? taints = null, int maxPods = 110)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(memory);
        if (!(cpu > 0) || double.IsInfinity(cpu))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"node \"{name}\": cpu must be a positive number of cores, was {cpu}"), nameof(cpu));
        }

        var memoryBytes = Quantity.Parse(memory).IntegerValue;
        if (memoryBytes <= 0)
        {
            throw new ArgumentException($"node \"{name}\": memory must be positive, was \"{memory}\"", nameof(memory));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPods);
        var labelCopy = labels is null ? new Dictionary<string, string>() : new Dictionary<string, string>(labels);
        var taintList = taints?.ToList() ?? [];
        InMemoryNode node;
        lock (_gate)
        {
            if (_byName.ContainsKey(name))
            {
                throw new ArgumentException($"node \"{name}\" already exists", nameof(name));
            }

            node = new InMemoryNode(name, _nodes.Count, (long)Math.Round(cpu * 1000), memoryBytes, labelCopy, taintList, maxPods, _time, _images);
            _nodes.Add(node);
            _byName[name] = node;
        }

        NodeAdded?.Invoke(this, node.Node);
        return node;
    }

    /// <summary>Gets a node by name.</summary>
    /// <param name="name">The node's name.</param>
    /// <exception cref="KeyNotFoundException">There is no such node.</exception>
    public InMemoryNode GetNode(string name) =>
        TryGetNode(name, out var node) ? node : throw new KeyNotFoundException($"the in-memory cluster has no node \"{name}\"");

    /// <summary>Gets a node by name, if it exists.</summary>
    /// <param name="name">The node's name.</param>
    /// <param name="node">The node, or null.</param>
    public bool TryGetNode(string name, [MaybeNullWhen(false)] out InMemoryNode node)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_gate)
        {
            return _byName.TryGetValue(name, out node);
        }
    }

    /// <summary>Makes containers of <paramref name="image"/> exit right after each start on every node (a crash loop).</summary>
    /// <param name="image">The image reference, as in the pod spec.</param>
    /// <param name="exitCode">The exit code. <value>The default value is 1.</value></param>
    public void CrashImageOnStart(string image, int exitCode = 1)
    {
        ArgumentException.ThrowIfNullOrEmpty(image);
        _images.CrashOnStart(image, exitCode);
    }

    /// <summary>Makes creating containers of <paramref name="image"/> fail with reason "ErrImagePull" on every node.</summary>
    /// <param name="image">The image reference, as in the pod spec.</param>
    public void MakeImageNotFound(string image)
    {
        ArgumentException.ThrowIfNullOrEmpty(image);
        _images.NotFound(image);
    }

    /// <summary>Undoes the cluster-wide <see cref="CrashImageOnStart"/> and <see cref="MakeImageNotFound"/> (not a node's own).</summary>
    /// <param name="image">The image reference.</param>
    public void RestoreImage(string image)
    {
        ArgumentException.ThrowIfNullOrEmpty(image);
        _images.Restore(image);
    }
}
