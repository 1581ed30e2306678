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

    /// <summary>
    /// A file the store is saved to (in the background and when the orchestrator stops) and loaded from at start, so
    /// a restarted host finds its objects again and the node agents adopt the running containers instead of replacing
    /// them. Secrets are written in their encrypted form: configure a persistent key provider to read them back.
    /// <value>The default value is null (the store lives in memory only).</value>
    /// </summary>
    public string? PersistencePath { get; set; }

    /// <summary>How often changes are saved to <see cref="PersistencePath"/>. <value>The default value is 1 second.</value></summary>
    public TimeSpan PersistenceInterval { get; set; } = TimeSpan.FromSeconds(1);
}
