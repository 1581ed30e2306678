using k8s.Models;
using Orchestration.Sdk.Autoscaling;
using Orchestration.Sdk.Events;
using Orchestration.Sdk.Kubernetes.Wire;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Kubernetes.Tests.Wire;

public sealed class EventAndAutoscalerV1MappingTests
{
    private static readonly DateTimeOffset First = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    private static Event Repeated => new()
    {
        Metadata = new ObjectMeta { Name = "web-1.18a", Namespace = "default", Uid = "e1", ResourceVersion = 9, CreationTimestamp = First },
        InvolvedObject = new ObjectReference { Kind = "Pod", Namespace = "default", Name = "web-1", Uid = "p1", FieldPath = "spec.containers{web}" },
        Reason = "BackOff",
        Message = "Back-off restarting failed container web",
        Type = EventTypes.Warning,
        Count = 3,
        FirstTimestamp = First,
        LastTimestamp = First.AddMinutes(2),
        Source = new EventSource("kubelet", "node-1"),
        ReportingController = "kubelet",
        ReportingInstance = "node-1",
    };

    [Fact]
    public void Event_ToCoreV1_KeepsEveryField()
    {
        var wire = EventMapper.ToCoreWire(Repeated);

        Assert.Equal(("v1", "Event", "web-1.18a", "default"), (wire.ApiVersion, wire.Kind, wire.Metadata.Name, wire.Metadata.NamespaceProperty));
        Assert.Equal(("Pod", "web-1", "p1", "spec.containers{web}"), (wire.InvolvedObject.Kind, wire.InvolvedObject.Name, wire.InvolvedObject.Uid, wire.InvolvedObject.FieldPath));
        Assert.Equal(("BackOff", "Warning", 3), (wire.Reason, wire.Type, wire.Count));
        Assert.Equal((First.UtcDateTime, First.AddMinutes(2).UtcDateTime), (wire.FirstTimestamp!.Value, wire.LastTimestamp!.Value));
        Assert.Equal(("kubelet", "node-1"), (wire.Source.Component, wire.Source.Host));
    }

    [Fact]
    public void Event_ToEventsV1_MapsInvolvedObjectToRegardingAndCountToSeries()
    {
        var wire = EventMapper.ToEventsWire(Repeated);

        Assert.Equal("events.k8s.io/v1", wire.ApiVersion);
        Assert.Equal("web-1", wire.Regarding.Name);
        Assert.Equal("Back-off restarting failed container web", wire.Note);
        Assert.Equal((3, First.AddMinutes(2).UtcDateTime), (wire.Series.Count, wire.Series.LastObservedTime));
        Assert.Equal(First.UtcDateTime, wire.EventTime);
        Assert.Equal(("kubelet", "node-1"), (wire.ReportingController, wire.ReportingInstance));
    }

    [Fact]
    public void Event_Once_HasNoSeries()
    {
        var wire = EventMapper.ToEventsWire(Repeated with { Count = 1 });

        Assert.Null(wire.Series);
    }

    [Theory]
    [InlineData("involvedObject.name", "web-1")]
    [InlineData("regarding.uid", "p1")]
    [InlineData("involvedObject.kind", "Pod")]
    [InlineData("type", "Warning")]
    [InlineData("reason", "BackOff")]
    [InlineData("source", "kubelet")]
    public void Event_FieldSelectorFields_ReadTheEvent(string field, string expected)
    {
        Assert.Equal(expected, EventMapper.Field(field)!(Repeated));
    }

    [Fact]
    public void Event_UnknownField_IsNotSelectable()
    {
        Assert.Null(EventMapper.Field("spec.nodeName"));
    }

    [Fact]
    public void AutoscalerV1_WithoutCpuTarget_DefaultsTo80Percent()
    {
        var sdk = AutoscalerMapper.FromWireV1(new V1HorizontalPodAutoscaler
        {
            Metadata = new V1ObjectMeta { Name = "web" },
            Spec = new V1HorizontalPodAutoscalerSpec { ScaleTargetRef = new V1CrossVersionObjectReference { Kind = "Deployment", Name = "web" }, MaxReplicas = 4 },
        });

        var metric = Assert.Single(sdk.Spec.Metrics);
        Assert.Equal((MetricSourceType.Resource, "cpu", 80), (metric.Type, metric.Name, metric.Target.AverageUtilization));
        Assert.Equal((1, 4), (sdk.Spec.MinReplicas, sdk.Spec.MaxReplicas));
    }

    [Fact]
    public void AutoscalerV1_RoundTrip_KeepsTargetAndBounds()
    {
        var hpa = new HorizontalPodAutoscaler
        {
            Metadata = new ObjectMeta { Name = "web" },
            Spec = new HorizontalPodAutoscalerSpec
            {
                ScaleTargetName = "web",
                MinReplicas = 2,
                MaxReplicas = 5,
                Metrics = [new MetricSpec(MetricSourceType.Resource, "cpu", new MetricTarget(MetricTargetType.Utilization, 70, null, null))],
            },
        };

        var wire = AutoscalerMapper.ToWireV1(hpa);
        var back = AutoscalerMapper.FromWireV1(wire);

        Assert.Equal((2, 5, 70), (wire.Spec.MinReplicas, wire.Spec.MaxReplicas, wire.Spec.TargetCPUUtilizationPercentage));
        Assert.Equal(hpa.Spec, back.Spec);
    }
}
