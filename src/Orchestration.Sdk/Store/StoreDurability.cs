namespace Orchestration.Sdk.Store;

/// <summary>What an acknowledged write of a persistent store survives (<see cref="StoreOptions.Durability"/>).</summary>
public enum StoreDurability
{
    /// <summary>A crash or SIGKILL of the host process: the write is in the database's WAL when the call returns.</summary>
    ProcessCrash,

    /// <summary>Also an operating-system crash or power loss: every commit is flushed to the disk before it returns.</summary>
    PowerLoss,
}
