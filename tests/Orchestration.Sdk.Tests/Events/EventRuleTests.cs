using Orchestration.Sdk.Events;
using Orchestration.Sdk.Kinds;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Tests.Events;

public sealed class EventRuleTests
{
    private static readonly DateTimeOffset First = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly KindRule _rule = KindRegistry.CreateDefault().Find("events")!;

    [Fact]
    public void PrintColumns_RepeatedKubeletEvent_CellsAsKubectlGetEventsPrintsThem()
    {
        var e = Sample() with { Count = 3, LastTimestamp = First.AddMinutes(2) };

        var cells = _rule.PrintColumns.ToDictionary(c => c.Name, c => c.Value(e));

        Assert.Equal(First.AddMinutes(2), cells["Last Seen"]);
        Assert.Equal(First, cells["First Seen"]);
        Assert.Equal(("Warning", "BackOff", "pod/web-abc", "Back-off restarting failed container web"), (cells["Type"], cells["Reason"], cells["Object"], cells["Message"]));
        Assert.Equal(("spec.containers{web}", "kubelet, node-1", 3, "web-abc.1"), (cells["Subobject"], cells["Source"], cells["Count"], cells["Name"]));
    }

    [Fact]
    public void PrintColumns_NoSourceButReportingController_SourceFromIt()
    {
        var e = Sample() with { Source = new EventSource(string.Empty), ReportingController = "default-scheduler", ReportingInstance = "default-scheduler-1" };

        Assert.Equal("default-scheduler, default-scheduler-1", _rule.PrintColumns.Single(c => c.Name == "Source").Value(e));
    }

    [Fact]
    public void ValidateCreate_InvolvedObjectInAnotherNamespace_Refused()
    {
        var e = Sample() with { InvolvedObject = Sample().InvolvedObject with { Namespace = "shop" } };

        var error = Assert.Single(_rule.ValidateCreate(e));

        Assert.Equal("events[web-abc.1].involvedObject.namespace: Invalid value: \"shop\": does not match event.namespace", error.ToString());
    }

    [Fact]
    public void Rule_Names_AsTheKubernetesApiServer()
    {
        Assert.Equal(("events", "ev", "v1", true, false), (_rule.Plural, _rule.ShortNames.Single(), _rule.ApiVersion, _rule.Namespaced, _rule.HasStatus));
    }

    private static Event Sample() => new()
    {
        Metadata = new ObjectMeta { Name = "web-abc.1" },
        InvolvedObject = new ObjectReference { Kind = Pod.KindName, Namespace = "default", Name = "web-abc", FieldPath = "spec.containers{web}" },
        Reason = "BackOff",
        Message = "Back-off restarting failed container web ",
        Type = EventTypes.Warning,
        FirstTimestamp = First,
        LastTimestamp = First,
        Source = new EventSource("kubelet", "node-1"),
        ReportingController = "kubelet",
        ReportingInstance = "node-1",
    };
}
