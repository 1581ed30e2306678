using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Networking;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Store;
using Orchestration.Sdk.Testing;
using Orchestration.Sdk.Runtime.NodeAgents;

namespace Orchestration.Sdk.Tests.Networking;

/// <summary>A test cluster whose pods' readiness a test can switch off and on (a stand-in for a failing readiness probe).</summary>
internal sealed class ServiceCluster : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, bool> _unready = new(StringComparer.Ordinal);

    private ServiceCluster(FakeTimeProvider time) => Time = time;

    public TestCluster Cluster { get; private set; } = null!;

    public FakeTimeProvider Time { get; }

    public ResourceStore Store => Cluster.Services.GetRequiredService<ResourceStore>();

    public static async Task<ServiceCluster> StartAsync(Action<AppDeclaration> declare, Action<IServiceCollection>? configure = null)
    {
        var result = new ServiceCluster(new FakeTimeProvider());
        result.Cluster = await TestCluster.StartAsync(declare, time: result.Time, configureServices: services =>
        {
            services.AddSingleton(sp =>
            {
                var manager = ActivatorUtilities.CreateInstance<NodeAgentManager>(sp);
                manager.Readiness = (pod, _, _) => !result._unready.ContainsKey(pod.Metadata.Name);
                return manager;
            });
            configure?.Invoke(services);
        });
        return result;
    }

    public Service? Service(string name) => Store.Get<Service>(new ObjectKey(Sdk.Networking.Service.KindName, "default", name));

    public Endpoints? Endpoints(string name) => Store.Get<Endpoints>(new ObjectKey(Sdk.Networking.Endpoints.KindName, "default", name));

    public IReadOnlyList<string> ReadyPods(string service) =>
        Endpoints(service)?.Addresses.Select(a => a.PodName).ToList() ?? [];

    /// <summary>Waits until the service's ready endpoints are exactly the ready, non-terminating pods of <paramref name="app"/>, <paramref name="count"/> of them.</summary>
    public Task WaitForEndpointsAsync(string service, string app, int count) =>
        Cluster.WaitUntilAsync($"service {service} has {count} ready endpoints matching app {app}", c =>
        {
            var expected = c.Pods(app).Where(p => !p.IsTerminating() && p.Status.IsReady).Select(p => p.Metadata.Name).Order(StringComparer.Ordinal).ToList();
            return expected.Count == count && ReadyPods(service).SequenceEqual(expected);
        });

    public void SetReady(Pod pod, bool ready)
    {
        if (ready)
        {
            _unready.TryRemove(pod.Metadata.Name, out _);
        }
        else
        {
            _unready[pod.Metadata.Name] = true;
        }

        Cluster.Services.GetRequiredService<NodeAgentManager>().RequestSync(pod);
    }

    public ValueTask DisposeAsync() => Cluster.DisposeAsync();

    /// <summary>Advances the fake clock one second at a time (waiting for the cluster to settle each step) until <paramref name="condition"/> holds.</summary>
    public async Task AdvanceUntilAsync(string description, Func<bool> condition, int maxSeconds = 60)
    {
        await Cluster.AdvanceUntilAsync(description, _ => condition(), Time.Advance, TimeSpan.FromSeconds(1), maxSeconds);
    }
}
