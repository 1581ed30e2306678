using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Store;

internal sealed partial class ResourceStore : IDisposable
{
    private readonly Lock _saveGate = new();
    private CancellationTokenSource? _persisting;
    private long _savedVersion;

    /// <summary>Loads the persisted objects (if the file exists) and starts saving changes in the background.</summary>
    private void StartPersistence(string path)
    {
        if (File.Exists(path))
        {
            var (version, objects) = StoreSnapshot.Read(File.ReadAllBytes(path), path);
            foreach (var obj in objects)
            {
                Map(obj.Kind)[(obj.Metadata.Namespace, obj.Metadata.Name)] = obj;
            }

            _version = Math.Max(version, objects.Select(o => o.Metadata.ResourceVersion).DefaultIfEmpty(0).Max());
            _savedVersion = _version;
        }

        _persisting = new CancellationTokenSource();
        _ = SaveLoopAsync(_options.PersistenceInterval, _persisting.Token);
    }

    /// <summary>Writes the store to its file now, if anything changed since the last save. No-op without persistence.</summary>
    public void Flush()
    {
        if (_options.PersistencePath is not { } path)
        {
            return;
        }

        lock (_saveGate)
        {
            long version;
            List<Resource> objects;
            lock (_gate)
            {
                version = _version;
                if (version == _savedVersion)
                {
                    return;
                }

                objects = [.. _byKind.Values.SelectMany(m => m.Values)];
            }

            var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
            Directory.CreateDirectory(directory);
            var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
            File.WriteAllBytes(temp, StoreSnapshot.Write(version, objects));
            File.Move(temp, path, overwrite: true);
            _savedVersion = version;
        }
    }

    public void Dispose()
    {
        if (_persisting is null)
        {
            return;
        }

        _persisting.Cancel();
        _persisting.Dispose();
        _persisting = null;
        Flush();
    }

    // Saving is an I/O concern, not orchestration behaviour: it runs on real time so a fake test clock never holds
    // a write back.
    private async Task SaveLoopAsync(TimeSpan interval, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
            {
                try
                {
                    Flush();
                }
                catch (IOException)
                {
                    // The next tick, or the final flush on dispose, tries again.
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
