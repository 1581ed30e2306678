using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Tests.Store;

public class WatchHistoryTests
{
    private static WatchEvent At(long version) => new(WatchEventType.Added, null, version);

    [Theory]
    [InlineData(1, 10)]
    [InlineData(300, 1_000)] // grows past the first size (256), then wraps
    [InlineData(1_000, 700)] // grows several times, never full
    [InlineData(512, 2_000)] // exactly two doublings, then wraps
    public void Since_KeepsTheLastCapacityEventsInOrder_AsTheRingGrows(int capacity, int added)
    {
        var history = new WatchHistory(capacity);
        for (var v = 1; v <= added; v++)
        {
            history.Add(At(v));
        }

        var kept = Math.Min(capacity, added);
        var oldest = added - kept + 1;
        var all = history.Since(oldest - 1, added);

        Assert.NotNull(all);
        Assert.Equal(Enumerable.Range(oldest, kept).Select(v => (long)v), all.Select(e => e.ResourceVersion));
        if (oldest > 1)
        {
            Assert.Null(history.Since(oldest - 2, added)); // the event before the oldest kept is gone
        }

        Assert.Equal([added], history.Since(added - 1, added)!.Select(e => e.ResourceVersion));
    }
}
