using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Store;
using Orchestration.Sdk.Runtime.InMemory;

namespace Orchestration.Sdk.Testing;

/// <summary>
/// An in-memory cluster for tests, in one line:
/// <c>await using var cluster = await TestCluster.StartAsync(app => app.AddDeployment("web").WithImage("web:1").WithReplicas(3), time: fakeTime);</c>
/// Drive it with a <c>FakeTimeProvider</c>, inject faults through <see cref="Nodes"/>, and await conditions with
/// <see cref="WaitUntilAsync"/>, whose timeout (real time) reports what it last saw.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
    private readonly ServiceProvider _services;
    private readonly IHostedService[] _hosted;
    private readonly ResourceStore _store;
    private int _started;

    private TestCluster(ServiceProvider services)
    {
        _services = services;
        _hosted = [.. services.GetServices<IHostedService>()];
        _store = services.GetRequiredService<ResourceStore>();
        Client = services.GetRequiredService<IOrchestrationClient>();
        Nodes = services.GetRequiredService<InMemoryCluster>();
        Time = services.GetRequiredService<TimeProvider>();
    }

    /// <summary>The imperative client.</summary>
    public IOrchestrationClient Client { get; }

    /// <summary>The simulated nodes, for adding nodes and injecting faults.</summary>
    public InMemoryCluster Nodes { get; }

    /// <summary>The clock the cluster runs on.</summary>
    public TimeProvider Time { get; }

    /// <summary>The service provider, for anything else registered.</summary>
    public IServiceProvider Services => _services;

    /// <summary>How long <see cref="WaitUntilAsync"/> waits by default. <value>The default value is 10 seconds of real time.</value></summary>
    public TimeSpan DefaultTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Starts a cluster.</summary>
    /// <param name="declare">The app's declaration. <value>The default value is null (nothing).</value></param>
    /// <param name="nodes">Adds nodes. <value>The default value is null: three nodes "node-1".."node-3" with 4 CPUs and 8Gi each.</value></param>
    /// <param name="time">The clock. <value>The default value is null (<see cref="TimeProvider.System"/>).</value></param>
    /// <param name="configureServices">Extra registrations (options, loggers). <value>The default value is null.</value></param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<TestCluster> StartAsync(
        Action<AppDeclaration>? declare = null,
        Action<InMemoryCluster>? nodes = null,
        TimeProvider? time = null,
        Action<IServiceCollection>? configureServices = null,
        CancellationToken cancellationToken = default)
    {
        var services = new ServiceCollection();
        services.AddSingleton(time ?? TimeProvider.System);
        configureServices?.Invoke(services);
        services.AddLogging(); // the core registers no logging (the host's is used); here the cluster is the host
        services.AddOrchestration(declare).UseInMemoryRuntime(nodes ?? (n =>
        {
            n.Add("node-1");
            n.Add("node-2");
            n.Add("node-3");
        }));
        var provider = services.BuildServiceProvider();
        var cluster = new TestCluster(provider);
        try
        {
            provider.GetService<IStartupValidator>()?.Validate(); // as the host does: bad options fail the start
            foreach (var hosted in cluster._hosted)
            {
                await hosted.StartAsync(cancellationToken).ConfigureAwait(false); // the orchestrator's, and any other registered
                cluster._started++;
            }
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return cluster;
    }

    /// <summary>The pods, optionally only those labelled app=<paramref name="app"/>, ordered by name.</summary>
    /// <param name="app">The value of the "app" label. <value>The default value is null (all pods).</value></param>
    public IReadOnlyList<Pod> Pods(string? app = null) =>
        _store.List<Pod>(Pod.KindName, selector: app is null ? null : LabelSelector.Of(new Dictionary<string, string> { ["app"] = app })).Items;

    /// <summary>A deployment, or null.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="namespace">Its namespace. <value>The default value is "default".</value></param>
    public Deployment? Deployment(string name, string @namespace = "default") =>
        _store.Get<Deployment>(new ObjectKey(Model.Deployment.KindName, @namespace, name));

    /// <summary>A node object, or null.</summary>
    /// <param name="name">Its name.</param>
    public Node? Node(string name) => _store.Get<Node>(new ObjectKey(Model.Node.KindName, string.Empty, name));

    /// <summary>
    /// Waits until <paramref name="condition"/> holds, re-checking after every store change (and every 20 ms of real
    /// time, for conditions on runtime state). On timeout throws a
    /// <see cref="TimeoutException"/> naming <paramref name="description"/> and listing the deployments, pods and
    /// nodes as last seen.
    /// </summary>
    /// <param name="description">What is awaited, for the timeout message ("deployment web has 3 ready replicas").</param>
    /// <param name="condition">The condition, evaluated against this cluster.</param>
    /// <param name="timeout">Real time to wait. <value>The default value is <see cref="DefaultTimeout"/>.</value></param>
    public async Task WaitUntilAsync(string description, Func<TestCluster, bool> condition, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            while (true)
            {
                var version = _store.Version;
                if (condition(this))
                {
                    return;
                }

                // Store changes wake the wait at once; the short real-time poll covers conditions on runtime state.
                await Task.WhenAny(_store.WaitForChangeAsync(version, cts.Token), Task.Delay(PollInterval, cts.Token)).ConfigureAwait(false);
                cts.Token.ThrowIfCancellationRequested();
            }
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            throw new TimeoutException($"Timed out after {(timeout ?? DefaultTimeout).TotalSeconds:0.#}s waiting until {description}. Last seen:{Environment.NewLine}{Describe()}");
        }
    }

    /// <summary>
    /// Moves a fake clock forward by <paramref name="step"/> until <paramref name="condition"/> holds, letting the
    /// control loops react after each step (until the store changes, or 20 ms of real time), then waits for it as
    /// <see cref="WaitUntilAsync"/> does. For timers that may be registered just after the state a test waited on
    /// (a requeue after a status write), which a single advance could miss.
    /// </summary>
    /// <param name="description">What is awaited, for the timeout message.</param>
    /// <param name="condition">The condition, evaluated against this cluster.</param>
    /// <param name="advance">Moves the clock, for example <c>fakeTime.Advance</c>.</param>
    /// <param name="step">How far each step moves it.</param>
    /// <param name="maxSteps">The most steps taken. <value>The default value is 100.</value></param>
    public async Task AdvanceUntilAsync(string description, Func<TestCluster, bool> condition, Action<TimeSpan> advance, TimeSpan step, int maxSteps = 100)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(advance);
        for (var i = 0; i < maxSteps && !condition(this); i++)
        {
            var version = _store.Version;
            advance(step);
            using var settle = new CancellationTokenSource(PollInterval);
            try
            {
                await _store.WaitForChangeAsync(version, settle.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (settle.IsCancellationRequested)
            {
            }
        }

        await WaitUntilAsync(description, condition).ConfigureAwait(false);
    }

    /// <summary>Waits until a deployment reports <paramref name="ready"/> ready replicas and has exactly that many pods.</summary>
    /// <param name="name">The deployment.</param>
    /// <param name="ready">The ready replica count.</param>
    /// <param name="timeout">Real time to wait. <value>The default value is <see cref="DefaultTimeout"/>.</value></param>
    public Task WaitForReadyReplicasAsync(string name, int ready, TimeSpan? timeout = null) =>
        WaitUntilAsync($"deployment {name} has {ready} ready replicas", c =>
            c.Deployment(name) is { Status: { } s } d && s.ReadyReplicas == ready && s.Replicas == ready &&
            c._store.List<Pod>(Pod.KindName, selector: d.Spec.Selector).Items is var pods && pods.Count == ready &&
            pods.All(p => !p.IsTerminating() && p.Status.IsReady),
            timeout);

    /// <summary>A text table of deployments, pods and nodes as they are now.</summary>
    public string Describe()
    {
        var sb = new StringBuilder();
        foreach (var d in _store.List<Deployment>(Model.Deployment.KindName).Items)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  deployment {d.Metadata.Name}: spec {d.Spec.Replicas}, pods {d.Status.Replicas}, ready {d.Status.ReadyReplicas}, updated {d.Status.UpdatedReplicas}");
        }

        foreach (var p in _store.List<Pod>(Pod.KindName).Items)
        {
            var containers = string.Join(", ", p.Status.ContainerStatuses.Select(c => $"{c.Name} {c.State} restarts {c.RestartCount}"));
            var scheduled = p.Status.Conditions.Find(PodConditionType.PodScheduled);
            sb.AppendLine(CultureInfo.InvariantCulture, $"  pod {p.Metadata.Name}: node {p.Spec.NodeName ?? "-"}, {p.Status.Phase}{(p.Status.IsReady ? " ready" : string.Empty)}{(p.IsTerminating() ? " terminating" : string.Empty)} [{containers}]{(scheduled is { IsTrue: false } ? $" {scheduled.Reason}: {scheduled.Message}" : string.Empty)}");
        }

        foreach (var n in _store.List<Node>(Model.Node.KindName).Items)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  node {n.Metadata.Name}: {(n.Status.IsReady ? "Ready" : "NotReady")}, taints [{string.Join(", ", n.Spec.Taints)}]");
        }

        return sb.ToString();
    }

    /// <summary>Stops the hosted services that started, in reverse order (as a host does, within 30 seconds of real time), and disposes the services.</summary>
    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(StopTimeout))
        {
            for (var i = Interlocked.Exchange(ref _started, 0) - 1; i >= 0; i--)
            {
                await _hosted[i].StopAsync(timeout.Token).ConfigureAwait(false);
            }
        }

        await _services.DisposeAsync().ConfigureAwait(false);
    }
}
