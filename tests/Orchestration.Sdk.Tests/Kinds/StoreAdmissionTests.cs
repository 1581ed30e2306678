using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Kinds;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Networking;
using Orchestration.Sdk.Store;
using Orchestration.Sdk.Testing;

namespace Orchestration.Sdk.Tests.Kinds;

public class StoreAdmissionTests
{
    private readonly ResourceStore _store = new(new FakeTimeProvider());

    [Theory]
    [MemberData(nameof(KindCases.Names), MemberType = typeof(KindCases))]
    public void Create_InvalidObject_RefusedWithFieldErrorAndNothingStored(string kind)
    {
        var (valid, @break, error) = KindCases.All[kind];
        var bad = @break(valid());

        var ex = Assert.Throws<DeclarationValidationException>(() => _store.Create(bad));

        Assert.Contains(ex.Errors, e => e.ToString().StartsWith(error, StringComparison.Ordinal));
        Assert.Null(_store.Get<Resource>(bad.Key));
        Assert.Equal(0, _store.Version);
    }

    [Theory]
    [MemberData(nameof(KindCases.Names), MemberType = typeof(KindCases))]
    public void Update_InvalidChangeFromAController_RefusedAndStoredUnchanged(string kind)
    {
        var (valid, @break, error) = KindCases.All[kind];
        var stored = _store.Create(valid());

        var ex = Assert.Throws<DeclarationValidationException>(() => _store.Mutate<Resource>(stored.Key, @break));

        Assert.Contains(ex.Errors, e => e.ToString().StartsWith(error, StringComparison.Ordinal));
        Assert.Equal(stored.Metadata.ResourceVersion, _store.Get<Resource>(stored.Key)!.Metadata.ResourceVersion);
        Assert.Equal(1, _store.Version);
    }

    [Fact]
    public void Create_PodsSharingOneSpec_ValidOnesAdmittedAndAnInvalidOneRefusedEveryTime()
    {
        // Valid specs are remembered by reference; a refused one must not be, nor may a valid one hide a bad name.
        var good = new PodSpec { Containers = [new Container { Name = "c", Image = "busybox" }] };
        var bad = new PodSpec { Containers = [new Container { Name = "Bad_Name", Image = "busybox" }] };
        Pod PodOf(string name, PodSpec spec) => new() { Metadata = new ObjectMeta { Name = name, Namespace = "default" }, Spec = spec };

        _store.Create(PodOf("a", good));
        _store.Create(PodOf("b", good));
        var first = Assert.Throws<DeclarationValidationException>(() => _store.Create(PodOf("c", bad)));
        var second = Assert.Throws<DeclarationValidationException>(() => _store.Create(PodOf("d", bad)));
        var badPodName = Assert.Throws<DeclarationValidationException>(() => _store.Create(PodOf("E", good)));

        Assert.Equal(first.Errors.Select(e => e.ToString().Replace("pods[c]", "pods[d]", StringComparison.Ordinal)), second.Errors.Select(e => e.ToString()));
        Assert.Contains(second.Errors, e => e.ToString().StartsWith("pods[d].spec.containers[0].name", StringComparison.Ordinal));
        Assert.Contains(badPodName.Errors, e => e.ToString().StartsWith("pods[E].metadata.name", StringComparison.Ordinal));
        Assert.Equal(2, _store.Version);
    }

    [Fact]
    public void UpdateStatus_NegativeCounters_Refused()
    {
        var deployment = _store.Create(KindCases.Deployment());
        var replicaSet = _store.Create(KindCases.ReplicaSet());

        var d = Assert.Throws<DeclarationValidationException>(() => _store.UpdateStatus(deployment with { Status = new DeploymentStatus { ReadyReplicas = -1 } }));
        var r = Assert.Throws<DeclarationValidationException>(() => _store.UpdateStatus(replicaSet with { Status = new ReplicaSetStatus { Replicas = -2 } }));

        Assert.Equal(["deployments[web].status.readyReplicas: Invalid value: -1: must be greater than or equal to 0"], d.Errors.Select(e => e.ToString()));
        Assert.Equal(["replicasets[web-5d8f].status.replicas: Invalid value: -2: must be greater than or equal to 0"], r.Errors.Select(e => e.ToString()));
        Assert.Equal(2, _store.Version);
    }

    [Fact]
    public void Create_UnknownKind_ClearError()
    {
        var ex = Assert.Throws<UnknownKindException>(() => _store.Create(new Unregistered { Metadata = new ObjectMeta { Name = "x" } }));

        Assert.Equal("Unregistered", ex.Kind);
        Assert.Equal(0, _store.Version);
    }

    [Fact]
    public void Update_ServiceWithoutAllocatedFields_KeepsClusterIPAndNodePort()
    {
        var declared = KindCases.Service() with { Spec = KindCases.Service().Spec with { Type = ServiceType.NodePort, Ports = [new ServicePort { Name = "http", Port = 80 }] } };
        var created = _store.Create(declared);
        var allocated = _store.Update(created with { Spec = created.Spec with { ClusterIP = "10.96.0.9", Ports = [new ServicePort { Name = "http", Port = 80, NodePort = 30080 }] } });

        var reapplied = _store.Update(declared with { Metadata = allocated.Metadata });

        Assert.Equal("10.96.0.9", reapplied.Spec.ClusterIP);
        Assert.Equal(30080, reapplied.Spec.Ports[0].NodePort);
    }

    [Fact]
    public void Update_SpecWrite_KeepsStatus_AndStatusWrite_KeepsSpecAndLabels()
    {
        var created = _store.Create(KindCases.Deployment());
        var withStatus = _store.UpdateStatus(created with { Status = new DeploymentStatus { Replicas = 2 } });

        var scaled = _store.Update(withStatus with { Spec = withStatus.Spec with { Replicas = 3 }, Status = new DeploymentStatus() });
        var statusOnly = _store.UpdateStatus(scaled with { Spec = scaled.Spec with { Replicas = 9 }, Metadata = scaled.Metadata with { Labels = new Dictionary<string, string> { ["x"] = "y" } }, Status = new DeploymentStatus { Replicas = 3 } });

        Assert.Equal(2, scaled.Status.Replicas);
        Assert.Equal(2, scaled.Metadata.Generation);
        Assert.Equal(3, statusOnly.Spec.Replicas);
        Assert.Empty(statusOnly.Metadata.Labels);
        Assert.Equal(3, statusOnly.Status.Replicas);
    }

    [Fact]
    public async Task ApplyAsync_ServiceWithNodePortOnClusterIP_RefusedByTheStoreRule()
    {
        await using var cluster = await TestCluster.StartAsync(time: new FakeTimeProvider());
        var bad = KindCases.All["Service"].Break(KindCases.Service());

        var ex = await Assert.ThrowsAsync<DeclarationValidationException>(() => cluster.Client.ApplyAsync(bad));

        Assert.Contains("services[web].spec.ports[0].nodePort: Forbidden", ex.Message, StringComparison.Ordinal);
        Assert.Null(await cluster.Client.GetAsync<Service>("web"));
    }

    private sealed record Unregistered : Resource
    {
        public override string Kind => "Unregistered";

        internal override object? SpecObject => null;

        internal override object? StatusObject => null;

        internal override Resource WithStatusOf(Resource other) => this;
    }
}
