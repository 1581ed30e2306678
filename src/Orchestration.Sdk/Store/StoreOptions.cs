namespace Orchestration.Sdk.Store;

/// <summary>Options of the in-process resource store.</summary>
public sealed class StoreOptions
{
    /// <summary>How many past changes are kept so a watch can resume from an older version.
    /// <value>The default value is 50 000.</value></summary>
    public int HistoryCapacity { get; set; } = 50_000;

    /// <summary>How many undelivered events a single watcher may accumulate before it is expired (and must relist).
    /// <value>The default value is 100 000.</value></summary>
    public int WatcherBufferCapacity { get; set; } = 100_000;
}
