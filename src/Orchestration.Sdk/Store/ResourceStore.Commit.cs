using Microsoft.Data.Sqlite;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Store;

internal sealed partial class ResourceStore
{
    private List<(SortedDictionary<(string Ns, string Name), Resource> Map, (string Ns, string Name) Key, Resource? Previous)>? _undo;

    /// <summary>
    /// The one place a change lands (under the store's lock, its version already taken): written to the file first,
    /// so a change the file refused is not made (the version is given back and the caller gets the error), then
    /// applied to the map and published to watchers.
    /// </summary>
    private void Commit(SortedDictionary<(string Ns, string Name), Resource> map, (string Ns, string Name) key, Resource? previous, Resource kept, WatchEventType type)
    {
        try
        {
            Persist(kept, type == WatchEventType.Deleted, _version);
        }
        catch (SqliteException e)
        {
            _version--;
            throw new OrchestrationException($"the store could not write {Plural(kept.Kind)} \"{kept.Metadata.Name}\" to its file ({e.Message}); nothing was changed", e);
        }

        var current = Current(kept.Kind);
        if (type == WatchEventType.Deleted)
        {
            map.Remove(key);
            current.TryRemove(key, out _);
        }
        else
        {
            map[key] = kept;
            current[key] = kept;
        }

        _undo?.Add((map, key, previous));
        Publish(new WatchEvent(type, kept, _version));
    }

    /// <summary>
    /// Runs several independent writes under one hold of the store's lock, so a writer of many small objects (the
    /// event pipeline) takes the lock once per batch instead of once per object. Each write succeeds or fails on its
    /// own, as outside a batch (use <see cref="RunAtomically"/> for all-or-nothing); readers never wait for it.
    /// </summary>
    public void RunBatch(Action writes)
    {
        ArgumentNullException.ThrowIfNull(writes);
        lock (_gate)
        {
            writes();
        }
    }

    /// <summary>
    /// Runs several writes as one: they all happen, or none does. On the file they share one transaction (a crash
    /// in between leaves none of them); if one fails, the ones before it are undone in memory too (watchers see the
    /// undoing as ordinary changes). The store's lock is held throughout, so no other write interleaves.
    /// </summary>
    public void RunAtomically(Action writes)
    {
        ArgumentNullException.ThrowIfNull(writes);
        lock (_gate)
        {
            if (_undo is not null)
            {
                writes(); // already inside an atomic run: part of it
                return;
            }

            _undo = [];
            Interlocked.Increment(ref _atomicEpoch);
            try
            {
                if (_database is null)
                {
                    writes();
                }
                else
                {
                    _database.RunInTransaction(writes);
                }
            }
            catch
            {
                var undo = _undo;
                _undo = null;
                Undo(undo);
                throw;
            }
            finally
            {
                _undo = null;
                Interlocked.Increment(ref _atomicEpoch);
            }
        }
    }

    private System.Collections.Concurrent.ConcurrentDictionary<(string Ns, string Name), Resource> Current(string kind) =>
        _current.GetOrAdd(kind, static _ => new());

    private void Undo(List<(SortedDictionary<(string Ns, string Name), Resource> Map, (string Ns, string Name) Key, Resource? Previous)> undo)
    {
        for (var i = undo.Count - 1; i >= 0; i--)
        {
            var (map, key, previous) = undo[i];
            var now = map.TryGetValue(key, out var present) ? present : null;
            _version++;
            if (previous is null)
            {
                if (now is not null)
                {
                    Commit(map, key, now, now.WithMetadata(now.Metadata with { ResourceVersion = _version }), WatchEventType.Deleted);
                }
                else
                {
                    _version--;
                }

                continue;
            }

            Commit(map, key, now, previous.WithMetadata(previous.Metadata with { ResourceVersion = _version }), now is null ? WatchEventType.Added : WatchEventType.Modified);
        }
    }
}
