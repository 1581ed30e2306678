using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Store;

internal sealed partial class ResourceStore : IDisposable
{
    private StoreDatabase? _database;

    /// <summary>Opens the store's database (importing a JSON store file from before) and loads its objects.</summary>
    private void StartPersistence(string path)
    {
        _database = StoreDatabase.Open(path, _kinds, _options.Durability, out var version, out var objects);
        foreach (var obj in objects)
        {
            Map(obj.Kind)[(obj.Metadata.Namespace, obj.Metadata.Name)] = obj;
            Current(obj.Kind)[(obj.Metadata.Namespace, obj.Metadata.Name)] = obj;
        }

        _version = version;
    }

    /// <summary>The database's SQLite synchronous mode (1 NORMAL, 2 FULL); -1 without persistence.</summary>
    internal long SynchronousMode => _database?.SynchronousMode ?? -1;

    public void Dispose()
    {
        lock (_gate)
        {
            _database?.Dispose();
            _database = null;
        }
    }

    /// <summary>Writes a change to the file before the store applies it; throws (and the write is refused) when it cannot.</summary>
    private void Persist(Resource obj, bool deleted, long version) => _database?.Write(obj, deleted, version);
}
