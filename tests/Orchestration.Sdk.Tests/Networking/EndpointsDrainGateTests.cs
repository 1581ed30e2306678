using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Informers;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Networking;
using Orchestration.Sdk.Store;
using Orchestration.Sdk.Tests.Runtime;

namespace Orchestration.Sdk.Tests.Networking;

public sealed class EndpointsDrainGateTests : IAsyncDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly ResourceStore _store = new(new FakeTimeProvider(AgentHarness.Start));
    private readonly SharedInformerFactory _informers;

    public EndpointsDrainGateTests() => _informers = SharedInformerFactory.Started(_store);

    public ValueTask DisposeAsync() => _informers.DisposeAsync();

    [Fact]
    public async Task WaitUntilDrained_ListedAsReady_WaitsUntilTheEndpointsDropIt()
    {
        SetEndpoints("web", ready: [Address("web-1", "10.0.0.1"), Address("web-2", "10.0.0.2")]);

        var drained = new EndpointsDrainGate(_informers).WaitUntilDrainedAsync(PodAt("web-1", "10.0.0.1"), CancellationToken.None);
        await AgentHarness.AssertStaysAsync(() => !drained.IsCompleted, "the gate holding a listed pod");
        SetEndpoints("web", ready: [Address("web-1", "10.0.0.1"), Address("web-2", "10.0.0.2"), Address("web-3", "10.0.0.3")]);
        await AgentHarness.AssertStaysAsync(() => !drained.IsCompleted, "the gate holding a pod still listed after a change");

        SetEndpoints("web", ready: [Address("web-2", "10.0.0.2"), Address("web-3", "10.0.0.3")]);

        await drained.WaitAsync(Bound);
    }

    [Fact]
    public async Task WaitUntilDrained_ListedByTwoServices_WaitsForBoth()
    {
        SetEndpoints("web", ready: [Address("web-1", "10.0.0.1")]);
        SetEndpoints("web-internal", ready: [Address("web-1", "10.0.0.1")]);

        var drained = new EndpointsDrainGate(_informers).WaitUntilDrainedAsync(PodAt("web-1", "10.0.0.1"), CancellationToken.None);
        SetEndpoints("web", ready: []);
        await AgentHarness.AssertStaysAsync(() => !drained.IsCompleted, "the gate holding while one service still lists the pod");

        SetEndpoints("web-internal", ready: []);

        await drained.WaitAsync(Bound);
    }

    [Theory]
    [InlineData("web-1", "10.0.0.9", false)] // a recreated pod of the same name, at another address
    [InlineData("web-9", "10.0.0.1", false)] // another pod at the same address
    [InlineData("web-1", "10.0.0.1", true)] // only listed as not ready
    public async Task WaitUntilDrained_NotListedAsThisReadyPod_CompletesAtOnce(string name, string ip, bool onlyNotReady)
    {
        if (onlyNotReady)
        {
            SetEndpoints("web", ready: [], notReady: [Address(name, ip) with { Ready = false }]);
        }
        else
        {
            SetEndpoints("web", ready: [Address(name, ip)]);
        }

        await new EndpointsDrainGate(_informers).WaitUntilDrainedAsync(PodAt("web-1", "10.0.0.1"), CancellationToken.None).WaitAsync(Bound);
    }

    [Fact]
    public async Task WaitUntilDrained_OtherNamespaceListsTheName_CompletesAtOnce()
    {
        _store.Create(new Endpoints { Metadata = new ObjectMeta { Name = "web", Namespace = "other" }, Addresses = [Address("web-1", "10.0.0.1")] });

        await new EndpointsDrainGate(_informers).WaitUntilDrainedAsync(PodAt("web-1", "10.0.0.1"), CancellationToken.None).WaitAsync(Bound);
    }

    [Fact]
    public async Task WaitUntilDrained_Cancelled_Throws()
    {
        SetEndpoints("web", ready: [Address("web-1", "10.0.0.1")]);
        using var cancel = new CancellationTokenSource();

        var drained = new EndpointsDrainGate(_informers).WaitUntilDrainedAsync(PodAt("web-1", "10.0.0.1"), cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => drained.WaitAsync(Bound));
    }

    private static EndpointAddress Address(string pod, string ip) =>
        new() { PodName = pod, NodeName = "n1", IP = ip, Ready = true, Ports = [new EndpointPort(null, 8080)] };

    private static Pod PodAt(string name, string ip) => new()
    {
        Metadata = new ObjectMeta { Name = name },
        Spec = new PodSpec { NodeName = "n1", Containers = [new Container { Name = "web", Image = "web:1" }] },
        Status = new PodStatus { PodIP = ip },
    };

    private void SetEndpoints(string service, IReadOnlyList<EndpointAddress> ready, IReadOnlyList<EndpointAddress>? notReady = null)
    {
        var key = new ObjectKey(Endpoints.KindName, "default", service);
        if (_store.Get<Endpoints>(key) is null)
        {
            _store.Create(new Endpoints { Metadata = new ObjectMeta { Name = service }, Addresses = ready, NotReadyAddresses = notReady ?? [] });
        }
        else
        {
            _store.Mutate<Endpoints>(key, e => e with { Addresses = ready, NotReadyAddresses = notReady ?? [] });
        }
    }
}
