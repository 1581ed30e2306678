using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Docker;

/// <summary>Options of the Docker runtime (<c>UseDocker</c>).</summary>
public sealed class DockerRuntimeOptions
{
    /// <summary>
    /// The Docker Engine endpoint ("unix:///var/run/docker.sock", "tcp://127.0.0.1:2375"), or null to resolve it as
    /// the docker CLI does: the <c>DOCKER_HOST</c> environment variable, else the local socket.
    /// <value>The default value is null (DOCKER_HOST, else unix:///var/run/docker.sock).</value>
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>
    /// The application name put on every container (label <c>io.orchestration.app</c>) and used to find them again:
    /// adoption, the sweep of leftovers and event filtering are scoped to it. A DNS-1123 label.
    /// <value>The default value is the entry assembly's name, lowercased and made DNS-safe ("orchestration" if none).</value>
    /// </summary>
    public string AppName { get; set; } = DockerNames.DefaultAppName();

    /// <summary>
    /// The name of the node the engine appears as. A DNS-1123 subdomain.
    /// <value>The default value is the machine name, lowercased and made DNS-safe.</value>
    /// </summary>
    public string NodeName { get; set; } = DockerNames.ToDnsLabel(Environment.MachineName, "docker-node");

    /// <summary>
    /// Whether containers are removed when the host stops, or kept running for the next host to adopt.
    /// <value>The default value is <see cref="DockerLifetime.RemoveOnShutdown"/>.</value>
    /// </summary>
    public DockerLifetime Lifetime { get; set; } = DockerLifetime.RemoveOnShutdown;

    /// <summary>
    /// Where a <see cref="DockerLifetime.Persistent"/> app keeps its store (<c>&lt;StateDirectory&gt;/&lt;AppName&gt;/store.db</c>, a SQLite database; a <c>store.json</c> from an earlier version is imported) so
    /// the next host finds its pods again and adopts their running containers instead of replacing them. An explicit
    /// <c>StoreOptions.PersistencePath</c> wins.
    /// <value>The default value is <c>$XDG_STATE_HOME/orchestration</c>, else <c>~/.local/state/orchestration</c>.</value>
    /// </summary>
    public string StateDirectory { get; set; } = DefaultStateDirectory();

    internal string StorePath => Path.Combine(StateDirectory, AppName, "store.db");

    private static string DefaultStateDirectory()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        var root = string.IsNullOrEmpty(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state")
            : xdg;
        return Path.Combine(root, "orchestration");
    }

    /// <summary>
    /// When images are pulled. No registry may be reachable: locally built images need
    /// <see cref="ImagePullPolicy.IfNotPresent"/> or <see cref="ImagePullPolicy.Never"/>.
    /// <value>The default value is <see cref="ImagePullPolicy.IfNotPresent"/>.</value>
    /// </summary>
    public ImagePullPolicy PullPolicy { get; set; } = ImagePullPolicy.IfNotPresent;

    /// <summary>
    /// How long one engine call may take before it counts as failed (and is retried). A stop adds its grace period.
    /// <value>The default value is 30 seconds.</value>
    /// </summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many times a call that fails transiently (connection refused or reset, timeout, 502/503/504) is tried
    /// before its error is surfaced; retries back off exponentially from 200 ms.
    /// <value>The default value is 3.</value>
    /// </summary>
    public int MaxCallAttempts { get; set; } = 3;

    /// <summary>
    /// The most the runtime's stop path may take: under <see cref="DockerLifetime.RemoveOnShutdown"/>, removing the
    /// app's containers, file volumes and network when the host stops. When the engine does not answer in time (it is
    /// frozen or overloaded) the stop gives up, logs what is left, and the host exits; the next host's sweep removes
    /// or adopts what is left. It bounds the whole path, retries included, not each call.
    /// <value>The default value is 15 seconds.</value>
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long an image pull may take before it fails with "ErrImagePull".
    /// <value>The default value is 5 minutes.</value>
    /// </summary>
    public TimeSpan PullTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The user-defined bridge network the pod sandboxes join (their address there is the pod IP), or null for
    /// "orchestration-" followed by <see cref="AppName"/>. Created when missing.
    /// <value>The default value is null ("orchestration-&lt;app&gt;").</value>
    /// </summary>
    public string? NetworkName { get; set; }

    /// <summary>
    /// The image of pod sandboxes (the container that holds a pod's network namespace). When missing, the runtime
    /// builds it from <see cref="BusyboxPath"/>; no registry is needed.
    /// <value>The default value is "orchestration/pause:1".</value>
    /// </summary>
    public string PauseImage { get; set; } = "orchestration/pause:1";

    /// <summary>
    /// A statically linked busybox binary (Debian's busybox-static) used to build <see cref="PauseImage"/> when missing.
    /// <value>The default value is "/bin/busybox".</value>
    /// </summary>
    public string BusyboxPath { get; set; } = "/bin/busybox";

    /// <summary>
    /// The engines of a multi-engine cluster, each a node (<see cref="AddEngine"/>). When empty, the cluster has one node:
    /// the engine at <see cref="Endpoint"/>, named <see cref="NodeName"/>.
    /// <value>The default value is empty (one engine: <see cref="Endpoint"/>).</value>
    /// </summary>
    public IList<DockerEngineOptions> Engines { get; } = [];

    /// <summary>
    /// The IPv4 address of this host where the service proxy listens and that every service gets as its cluster IP, or
    /// null for the app network's gateway on the first engine. With engines that are not this host's own (a remote
    /// host, another network namespace), set an address of this host that every engine's containers reach: their
    /// traffic to a service goes there and the proxy relays it to a ready pod on any engine.
    /// <value>The default value is null (the first engine's app network gateway).</value>
    /// </summary>
    public string? ServiceAddress { get; set; }

    /// <summary>
    /// The bound of one health check of an engine (the node agent's heartbeat, a /_ping tried once; the engine's /info,
    /// for its capacity, is read on the first heartbeat and every 5 minutes): an engine that does not answer within it
    /// misses that heartbeat, and after <c>NodeLifecycleOptions.NodeMonitorGracePeriod</c> without one
    /// its node turns NotReady. Never longer than <see cref="CallTimeout"/>.
    /// <value>The default value is 5 seconds.</value>
    /// </summary>
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Adds an engine as a node of the cluster (see <see cref="Engines"/>).</summary>
    /// <param name="name">The node's name (a DNS-1123 subdomain, unique among the engines).</param>
    /// <param name="endpoint">The engine endpoint: unix:///path, tcp://host:port.</param>
    /// <param name="configure">Sets the node's labels, taints, capacity, TLS; null keeps the defaults.</param>
    /// <returns>These options, for chaining.</returns>
    public DockerRuntimeOptions AddEngine(string name, string endpoint, Action<DockerEngineOptions>? configure = null)
    {
        var engine = new DockerEngineOptions(name, endpoint);
        configure?.Invoke(engine);
        Engines.Add(engine);
        return this;
    }

    /// <summary>The engines in effect: <see cref="Engines"/>, else the one at <see cref="Endpoint"/> named <see cref="NodeName"/>.</summary>
    internal IReadOnlyList<DockerEngineOptions> EffectiveEngines => Engines.Count > 0
        ? [.. Engines]
        : [new DockerEngineOptions(NodeName, Endpoint ?? string.Empty)];

    /// <summary>The engine this copy of the options drives (set by <see cref="ForEngine"/>), or null for the single-engine form.</summary>
    internal DockerEngineOptions? Engine { get; private set; }

    /// <summary>A copy of these options for one engine: its endpoint and node name.</summary>
    internal DockerRuntimeOptions ForEngine(DockerEngineOptions engine)
    {
        var copy = (DockerRuntimeOptions)MemberwiseClone();
        copy.Endpoint = string.IsNullOrEmpty(engine.Endpoint) ? null : engine.Endpoint;
        copy.NodeName = engine.Name;
        copy.Engine = engine;
        return copy;
    }

    /// <summary>The network name in effect: <see cref="NetworkName"/>, else "orchestration-" + <see cref="AppName"/>.</summary>
    internal string EffectiveNetworkName => NetworkName ?? "orchestration-" + AppName;
}
