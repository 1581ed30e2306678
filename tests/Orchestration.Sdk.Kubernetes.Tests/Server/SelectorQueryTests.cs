using Orchestration.Sdk.Kubernetes.Discovery;
using Orchestration.Sdk.Kubernetes.Server;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Kubernetes.Tests.Server;

public sealed class SelectorQueryTests
{
    private static readonly Dictionary<string, string> Labels = new() { ["app"] = "web", ["tier"] = "front" };

    [Theory]
    [InlineData("app=web", true)]
    [InlineData("app==web,tier=front", true)]
    [InlineData("app!=web", false)]
    [InlineData("app in (web,db)", true)]
    [InlineData("tier notin (front)", false)]
    [InlineData("app", true)]
    [InlineData("!app", false)]
    [InlineData("!missing,app in (web)", true)]
    public void LabelSelector_Expression_Matches(string selector, bool expected) =>
        Assert.Equal(expected, LabelSelectorQuery.Parse(selector)!.Matches(Labels));

    [Fact]
    public void LabelSelector_Malformed_IsBadRequest()
    {
        var error = Assert.Throws<ApiError>(() => LabelSelectorQuery.Parse("app in web"));

        Assert.Equal(400, error.Code);
    }

    [Fact]
    public void FieldSelector_PodFields_Match()
    {
        var pod = new Pod { Metadata = new ObjectMeta { Name = "a", Namespace = "ns1" }, Spec = new PodSpec { NodeName = "node-2" }, Status = new PodStatus { Phase = PodPhase.Running } };

        Assert.True(FieldSelectorQuery.Parse("metadata.name=a,metadata.namespace=ns1", ApiKinds.Pod)!.Matches(pod));
        Assert.True(FieldSelectorQuery.Parse("spec.nodeName==node-2,status.phase=Running", ApiKinds.Pod)!.Matches(pod));
        Assert.False(FieldSelectorQuery.Parse("status.phase!=Running", ApiKinds.Pod)!.Matches(pod));
    }

    [Fact]
    public void FieldSelector_UnsupportedField_IsBadRequestNamingIt()
    {
        var error = Assert.Throws<ApiError>(() => FieldSelectorQuery.Parse("spec.replicas=3", ApiKinds.Deployment));

        Assert.Equal("field label not supported: spec.replicas", error.Message);
    }

    [Fact]
    public void FieldSelector_EventFieldsKubectlDescribeSends_AreAccepted()
    {
        var query = FieldSelectorQuery.Parse("involvedObject.name=web,involvedObject.namespace=default,involvedObject.kind=Deployment", ApiKinds.Event);

        Assert.NotNull(query);
    }
}
