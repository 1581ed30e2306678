using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orchestration.Sdk.Hosting;
using Orchestration.Sdk.Informers;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;
using Orchestration.Sdk.Events;

namespace Orchestration.Sdk.Runtime.NodeAgents;

/// <summary>
/// Runs one <see cref="NodeAgent"/> per node of the <see cref="INodeProvider"/> (also for nodes added later), and feeds
/// them from one handler on the shared Pod informer, dispatched by the node each pod is bound to.
/// </summary>
internal sealed class NodeAgentManager : IClusterComponent
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, NodeAgent> _agents = new(StringComparer.Ordinal);
    private readonly List<Task> _tasks = [];
    private readonly ResourceStore _store;
    private readonly ISharedInformerFactory _informers;
    private readonly INodeProvider _nodes;
    private readonly TimeProvider _time;
    private readonly NodeAgentOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private CancellationToken _stopping;
    private ISharedInformer<Pod>? _pods;
    private bool _running;
    private readonly IEventRecorderFactory? _events;
    private readonly Diagnostics.OrchestrationMetrics? _metrics;

    public NodeAgentManager(
        ResourceStore store, ISharedInformerFactory informers, INodeProvider nodes, TimeProvider time, IOptions<NodeAgentOptions> options, ILoggerFactory? loggerFactory = null,
        IEnumerable<IPodTerminationGate>? terminationGates = null, IEventRecorderFactory? events = null, Diagnostics.OrchestrationMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(informers);
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        loggerFactory ??= NullLoggerFactory.Instance; // the core registers no logging: the host's, when it has one
        _store = store;
        _informers = informers;
        _nodes = nodes;
        _time = time;
        _options = options.Value;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<NodeAgentManager>();
        TerminationGates = terminationGates?.ToList() ?? [];
        _events = events;
        _metrics = metrics;
    }

    public string Name => "node-agents";

    /// <summary>Decides whether a running container is ready; readiness probes plug in here.</summary>
    internal ContainerReadiness Readiness { get; set; } = ContainerReadinessGates.Running;

    /// <summary>What a terminating pod waits for before its containers get SIGTERM (endpoints, the service proxy).</summary>
    internal IReadOnlyList<IPodTerminationGate> TerminationGates { get; set; }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var pods = _informers.For<Pod>();
        lock (_gate)
        {
            if (_running)
            {
                throw new InvalidOperationException("the node agents are already running");
            }

            _running = true;
            _stopping = stoppingToken;
            _pods = pods;
            _agents.Clear();
            _tasks.Clear();
        }

        _nodes.NodeAdded += OnNodeAdded;
        IInformerRegistration? registration = null;
        try
        {
            foreach (var node in _nodes.Nodes)
            {
                StartAgent(node, listPods: false);
            }

            // Every change of a bound pod (and, from a relist, every pod that vanished) reaches its node's agent, except
            // a status write that leaves the pod running (as the kubelet's pod config, which syncs on spec and metadata
            // changes and reconciles only terminal phases from a status update): most such writes are the agent's own.
            registration = pods.AddEventHandler(new ResourceEventHandler<Pod>
            {
                Added = (pod, _) => AgentOf(pod)?.PodChanged(pod),
                Updated = (old, pod) =>
                {
                    if (!IsNonTerminalStatusWrite(old, pod))
                    {
                        AgentOf(pod)?.PodChanged(pod);
                    }
                },
                Deleted = pod => AgentOf(pod)?.PodChanged(pod),
            });
            await Task.Delay(Timeout.Infinite, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing); // stop without throwing: a cancelled run is the normal end, and throws cost a stop dearly
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            registration?.Dispose();
            _nodes.NodeAdded -= OnNodeAdded;
            Task[] tasks;
            lock (_gate)
            {
                _running = false;
                tasks = [.. _tasks];
            }

            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads a container's output (kubectl logs): the current instance, or with <paramref name="previous"/> the one before it.
    /// </summary>
    /// <param name="pod">The pod.</param>
    /// <param name="container">The container's name; may be null when the pod has one container.</param>
    /// <param name="previous">Read the previous (terminated) instance.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<string> GetLogsAsync(Pod pod, string? container, bool previous, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pod);
        if (pod.Spec.NodeName is not { } nodeName)
        {
            throw new OrchestrationException($"pod {pod.Metadata.Name} does not have a host assigned");
        }

        var node = _nodes.Nodes.FirstOrDefault(n => n.Name == nodeName)
            ?? throw new NotFoundException(pod.Key, $"node \"{nodeName}\" of pod {pod.Metadata.Name} is not known to this orchestrator");
        return PodLogs.ReadAsync(node.Runtime, pod, container, previous, _options.ApplicationName, cancellationToken);
    }

    /// <summary>Asks the agent of the pod's node to sync it now (for example when a probe result changed).</summary>
    internal void RequestSync(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        AgentOf(pod)?.PodChanged(pod);
    }

    private void OnNodeAdded(object? sender, RuntimeNode node) => StartAgent(node, listPods: true);

    private void StartAgent(RuntimeNode node, bool listPods)
    {
        NodeAgent agent;
        ISharedInformer<Pod>? pods;
        lock (_gate)
        {
            if (!_running || _stopping.IsCancellationRequested || _agents.ContainsKey(node.Name))
            {
                return;
            }

            agent = new NodeAgent(node, _store, _time, _options, _loggerFactory.CreateLogger("Orchestration.Sdk.Runtime.NodeAgents.NodeAgent"), Readiness, _stopping)
            {
                TerminationGates = TerminationGates,
                Informers = _informers,
                Metrics = _metrics,
                Events = _events?.CreateRecorder("kubelet", node.Name) ?? NullEventRecorder.Instance,
            };
            _agents[node.Name] = agent;
            _tasks.Add(Task.Run(agent.RunAsync, CancellationToken.None));
            pods = _pods;
        }

        NodeAgentLog.AgentStarting(_logger, node.Name);
        if (listPods && pods is not null)
        {
            // Pods the informer told of before this agent existed are in its cache by now (it tells after caching).
            foreach (var pod in pods.ByIndex(InformerIndexes.Node, node.Name))
            {
                agent.PodChanged(pod);
            }
        }
    }

    /// <summary>Whether <paramref name="pod"/> differs from <paramref name="old"/> in a status that is not finished only.</summary>
    internal static bool IsNonTerminalStatusWrite(Pod old, Pod pod) =>
        ReferenceEquals(old.Spec, pod.Spec) &&
        pod.Status.Phase is not (PodPhase.Succeeded or PodPhase.Failed) &&
        old.Metadata with { ResourceVersion = pod.Metadata.ResourceVersion } == pod.Metadata;

    private NodeAgent? AgentOf(Pod pod)
    {
        if (pod.Spec.NodeName is not { } nodeName)
        {
            return null;
        }

        lock (_gate)
        {
            return _agents.GetValueOrDefault(nodeName);
        }
    }
}
