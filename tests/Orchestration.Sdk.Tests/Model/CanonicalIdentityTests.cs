using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Controllers.Deployments;
using Orchestration.Sdk.Controllers.Engine;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;
using Orchestration.Sdk.Tests.Kinds;

namespace Orchestration.Sdk.Tests.Model;

public class CanonicalIdentityTests
{
    private static readonly Dictionary<string, string> AppTier = new() { ["app"] = "web", ["tier"] = "front" };
    private static readonly Dictionary<string, string> TierApp = new() { ["tier"] = "front", ["app"] = "web" };

    [Fact]
    public void Hash_TemplateWithLabelsInTwoOrders_OneHash()
    {
        var a = KindCases.Template() with { Labels = AppTier, Annotations = TierApp };
        var b = KindCases.Template() with { Labels = TierApp, Annotations = AppTier };

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(Names.Hash(a), Names.Hash(b));
        Assert.NotEqual(Names.Hash(a), Names.Hash(a with { Labels = new Dictionary<string, string>(AppTier) { ["tier"] = "back" } }));
    }

    [Fact]
    public void Update_SameDeploymentWithMapsInAnotherOrder_NoNewGeneration()
    {
        var store = new ResourceStore(new FakeTimeProvider());
        var first = Declared(AppTier, new() { ["LOG"] = "1", ["MODE"] = "x" });
        var created = store.Create(first);

        var again = store.Update(Declared(TierApp, new() { ["MODE"] = "x", ["LOG"] = "1" }) with { Metadata = created.Metadata });
        var changed = store.Update(again with { Spec = again.Spec with { Template = again.Spec.Template with { Labels = new Dictionary<string, string>(TierApp) { ["tier"] = "back" } } } });

        Assert.Equal(1, again.Metadata.Generation);
        Assert.Equal(2, changed.Metadata.Generation);
    }

    [Fact]
    public void Running_ReplicaSetOfTheSameTemplateDeclaredInAnotherOrder_Found()
    {
        var template = KindCases.Template() with { Labels = AppTier };
        var rs = KindCases.ReplicaSet() with
        {
            Spec = KindCases.ReplicaSet().Spec with { Template = template with { Labels = new Dictionary<string, string>(AppTier) { [ReplicaSet.PodTemplateHashLabel] = "old" } } },
        };

        Assert.Same(rs, Revisions.Running([rs], KindCases.Template() with { Labels = TierApp }));
        Assert.Null(Revisions.Running([rs], KindCases.Template() with { Labels = AppTier.Concat([new("x", "y")]).ToDictionary() }));
    }

    [Fact]
    public void ValueMap_FromAnyDictionary_SortedComparesByValueAndReadsAsADictionary()
    {
        var map = ValueMap<string>.From(TierApp);

        Assert.Equal(["app", "tier"], map.Keys);
        Assert.Equal("front", map["tier"]);
        Assert.False(map.TryGetValue("nope", out _));
        Assert.Equal(ValueMap<string>.From(AppTier), map);
        Assert.NotEqual(ValueMap<string>.From(new Dictionary<string, string> { ["app"] = "web" }), map);
        Assert.Same(map, ValueMap<string>.From(map));
    }

    [Fact]
    public void Json_MapsAndListsFromThePreviousFormat_RoundTripByValue()
    {
        // The previous version wrote maps as JSON objects in insertion order and lists as arrays: the same shapes.
        const string previous = """{"Name":"web","Namespace":"default","Labels":{"tier":"front","app":"web"},"Annotations":{},"OwnerReferences":[]}""";

        var read = JsonSerializer.Deserialize<ObjectMeta>(previous)!;
        var written = JsonSerializer.Serialize(read);

        Assert.IsType<ValueMap<string>>(read.Labels);
        Assert.Equal(new ObjectMeta { Name = "web", Labels = AppTier }, read);
        Assert.Contains("\"Labels\":{\"app\":\"web\",\"tier\":\"front\"}", written, StringComparison.Ordinal);
        Assert.Equal(read, JsonSerializer.Deserialize<ObjectMeta>(written));
    }

    [Fact]
    public void Records_ListsBuiltApart_EqualByValue()
    {
        var a = new PodSpec { Containers = [new Container { Name = "web", Image = "web:1", Env = [new EnvVar("A", "1")] }], Tolerations = [new Toleration { Key = "k" }] };
        var b = new PodSpec { Containers = [new Container { Name = "web", Image = "web:1", Env = new List<EnvVar> { new("A", "1") } }], Tolerations = [new Toleration { Key = "k" }] };

        Assert.Equal(a, b);
        Assert.NotEqual(a, b with { Containers = [new Container { Name = "web", Image = "web:2" }] });
    }

    private static Deployment Declared(Dictionary<string, string> labels, Dictionary<string, string> data) => KindCases.Deployment() with
    {
        Metadata = new ObjectMeta { Name = "web", Labels = labels },
        Spec = KindCases.Deployment().Spec with
        {
            Template = KindCases.Template() with { Labels = labels, Spec = KindCases.Template().Spec with { NodeSelector = data } },
        },
    };
}
