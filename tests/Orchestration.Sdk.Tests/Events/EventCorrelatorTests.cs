using Orchestration.Sdk.Events;

namespace Orchestration.Sdk.Tests.Events;

public sealed class EventCorrelatorTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly EventCorrelator _correlator = new(new EventOptions(), new EventNames());

    [Fact]
    public void Correlate_SameReportWithinWindow_IncrementsCountOfTheSameEvent()
    {
        var (first, firstIsUpdate) = _correlator.Correlate(Report("BackOff", "Back-off restarting failed container web", Start));
        var (second, secondIsUpdate) = _correlator.Correlate(Report("BackOff", "Back-off restarting failed container web", Start.AddMinutes(9)));

        Assert.False(firstIsUpdate);
        Assert.True(secondIsUpdate);
        Assert.Equal(first.Metadata.Name, second.Metadata.Name);
        Assert.Equal((2, Start, Start.AddMinutes(9)), (second.Count, second.FirstTimestamp, second.LastTimestamp));
    }

    [Fact]
    public void Correlate_SameReportAfterWindow_CreatesANewEvent()
    {
        var (first, _) = _correlator.Correlate(Report("BackOff", "m", Start));
        var (later, isUpdate) = _correlator.Correlate(Report("BackOff", "m", Start.AddMinutes(10).AddSeconds(1)));

        Assert.False(isUpdate);
        Assert.NotEqual(first.Metadata.Name, later.Metadata.Name);
        Assert.Equal(1, later.Count);
    }

    [Theory]
    [InlineData("Pulled", "m", "web", "Warning")] // another reason
    [InlineData("BackOff", "other message", "web", "Warning")]
    [InlineData("BackOff", "m", "sidecar", "Warning")] // another container (field path)
    [InlineData("BackOff", "m", "web", "Normal")]
    public void Correlate_ReportsThatDiffer_AreSeparateEvents(string reason, string message, string container, string type)
    {
        var (first, _) = _correlator.Correlate(Report("BackOff", "m", Start));
        var (other, isUpdate) = _correlator.Correlate(Report(reason, message, Start.AddSeconds(1), container, type));

        Assert.False(isUpdate);
        Assert.NotEqual(first.Metadata.Name, other.Metadata.Name);
    }

    [Fact]
    public void Correlate_MoreThanTenSimilarMessages_CombinedIntoOneEvent()
    {
        var names = new HashSet<string>();
        for (var i = 0; i < 9; i++)
        {
            var (e, _) = _correlator.Correlate(Report("FailedScheduling", $"0/3 nodes are available: {i}", Start.AddSeconds(i)));
            Assert.DoesNotContain(EventCorrelator.CombinedPrefix, e.Message);
            names.Add(e.Metadata.Name);
        }

        var (combined, isUpdate) = _correlator.Correlate(Report("FailedScheduling", "0/3 nodes are available: 9", Start.AddSeconds(9)));
        var (again, againIsUpdate) = _correlator.Correlate(Report("FailedScheduling", "0/3 nodes are available: 10", Start.AddSeconds(10)));

        Assert.Equal(9, names.Count);
        Assert.Equal(("(combined from similar events): 0/3 nodes are available: 9", false), (combined.Message, isUpdate));
        Assert.Equal(("(combined from similar events): 0/3 nodes are available: 10", true, 2), (again.Message, againIsUpdate, again.Count));
        Assert.Equal(combined.Metadata.Name, again.Metadata.Name);
    }

    [Fact]
    public void Correlate_NewEvents_NamedAfterTheObjectWithAUniqueHexTimestamp()
    {
        var (a, _) = _correlator.Correlate(Report("Started", "a", Start));
        var (b, _) = _correlator.Correlate(Report("Created", "b", Start)); // the same instant: a fake clock stands still

        var nanos = (Start - DateTimeOffset.UnixEpoch).Ticks * 100;
        Assert.Equal($"web-abc.{nanos:x}", a.Metadata.Name);
        Assert.Equal($"web-abc.{nanos + 1:x}", b.Metadata.Name);
    }

    [Fact]
    public void Correlate_NewEvent_CarriesEveryFieldOfTheReport()
    {
        var (e, _) = _correlator.Correlate(Report("Scheduled", "Successfully assigned default/web-abc to node-1", Start, type: EventTypes.Normal) with { Action = "Binding", Source = new EventSource("default-scheduler") });

        Assert.Equal(("default", "Scheduled", "Normal", "Binding"), (e.Metadata.Namespace, e.Reason, e.Type, e.Action));
        Assert.Equal(("default-scheduler", "default-scheduler", "default-scheduler"), (e.Source.Component, e.ReportingController, e.ReportingInstance));
        Assert.Equal((Start, Start, Start), (e.FirstTimestamp, e.LastTimestamp, e.EventTime));
        Assert.Equal("spec.containers{web}", e.InvolvedObject.FieldPath);
    }

    private static PendingEvent Report(string reason, string message, DateTimeOffset time, string container = "web", string type = EventTypes.Warning) => new(
        new ObjectReference { Kind = "Pod", Namespace = "default", Name = "web-abc", Uid = "u1", FieldPath = $"spec.containers{{{container}}}" },
        type,
        reason,
        message,
        string.Empty,
        new EventSource("kubelet", "node-1"),
        time);
}
