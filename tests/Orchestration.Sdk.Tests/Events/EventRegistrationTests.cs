using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Events;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Testing;

namespace Orchestration.Sdk.Tests.Events;

public sealed class EventRegistrationTests
{
    [Fact]
    public async Task AddOrchestration_UserRecorders_EventsListedThroughTheClient()
    {
        await using var cluster = await TestCluster.StartAsync(
            nodes: n => n.Add("node-1"),
            time: new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero)),
            configureServices: s => s.Configure<EventOptions>(o => o.Component = "shop-operator"));
        var node = cluster.Node("node-1")!;

        cluster.Services.GetRequiredService<IEventRecorder>().Normal(node, "Inventoried", "node-1 has 4 CPUs");
        cluster.Services.GetRequiredService<IEventRecorderFactory>().CreateRecorder("audit", "node-1").Warning(node, "Audited", "node-1 runs as root");

        var inventoried = await ClusterEvents.WaitForAsync(cluster, "Inventoried");
        var audited = await ClusterEvents.WaitForAsync(cluster, "Audited");
        Assert.Equal(("shop-operator", null, EventTypes.Normal, Node.KindName), (inventoried.Source.Component, inventoried.Source.Host, inventoried.Type, inventoried.InvolvedObject.Kind));
        Assert.Equal(("audit", "node-1", EventTypes.Warning, "node-1 runs as root"), (audited.Source.Component, audited.Source.Host, audited.Type, audited.Message));
    }
}
