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
    /// Where a <see cref="DockerLifetime.Persistent"/> app keeps its store (<c>&lt;StateDirectory&gt;/&lt;AppName&gt;/store.json</c>) so
    /// the next host finds its pods again and adopts their running containers instead of replacing them. An explicit
    /// <c>StoreOptions.PersistencePath</c> wins.
    /// <value>The default value is <c>$XDG_STATE_HOME/orchestration</c>, else <c>~/.local/state/orchestration</c>.</value>
    /// </summary>
    public string StateDirectory { get; set; } = DefaultStateDirectory();

    internal string StorePath => Path.Combine(StateDirectory, AppName, "store.json");

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

    /// <summary>The network name in effect: <see cref="NetworkName"/>, else "orchestration-" + <see cref="AppName"/>.</summary>
    internal string EffectiveNetworkName => NetworkName ?? "orchestration-" + AppName;
}
