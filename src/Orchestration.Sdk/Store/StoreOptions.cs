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
    /// A SQLite database (WAL) the store writes every change to before the write returns, and loads from at start,
    /// so a restarted host (even after a SIGKILL) finds every acknowledged object again and the node agents adopt the
    /// running containers instead of replacing them. The file and its WAL are owner-only (0600). Secrets are written
    /// in their encrypted form, with the key in an owner-only file beside it unless a key provider is configured. A
    /// JSON store file from an earlier version is imported on first open and kept as <c>PATH.json-backup</c>.
    /// <value>The default value is null (the store lives in memory only).</value>
    /// </summary>
    public string? PersistencePath { get; set; }

    /// <summary>
    /// What an acknowledged write survives when the store persists: <see cref="StoreDurability.ProcessCrash"/> (SQLite
    /// <c>synchronous=NORMAL</c>: a killed host loses nothing, a power loss may lose the last writes) or
    /// <see cref="StoreDurability.PowerLoss"/> (<c>synchronous=FULL</c>: each commit is flushed to the disk, slower).
    /// <value>The default value is <see cref="StoreDurability.ProcessCrash"/>.</value>
    /// </summary>
    public StoreDurability Durability { get; set; } = StoreDurability.ProcessCrash;

}
