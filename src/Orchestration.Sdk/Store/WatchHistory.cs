namespace Orchestration.Sdk.Store;

/// <summary>
/// A ring buffer of the most recent changes, so a watch can resume from a recent version. It starts small and doubles
/// up to its capacity as changes come: the default capacity (50,000) allocated at once is a 400 KB array on the large
/// object heap per store, and a process that creates many small stores (a test suite's clusters) then runs a full
/// garbage collection every few stores.
/// </summary>
internal sealed class WatchHistory(int capacity)
{
    private const int InitialSize = 256;
    private readonly int _capacity = Math.Max(1, capacity);
    private WatchEvent[] _ring = new WatchEvent[Math.Clamp(capacity, 1, InitialSize)];
    private int _next;
    private int _count;

    public void Add(WatchEvent e)
    {
        if (_count == _ring.Length && _ring.Length < _capacity)
        {
            Grow();
        }

        _ring[_next] = e;
        _next = (_next + 1) % _ring.Length;
        _count = Math.Min(_count + 1, _ring.Length);
    }

    /// <summary>The events after <paramref name="version"/>, or null when some of them are no longer kept.</summary>
    public List<WatchEvent>? Since(long version, long currentVersion)
    {
        var result = new List<WatchEvent>();
        if (version >= currentVersion)
        {
            return result;
        }

        var oldest = _count == 0 ? currentVersion + 1 : _ring[(_next - _count + _ring.Length) % _ring.Length].ResourceVersion;
        if (version + 1 < oldest)
        {
            return null;
        }

        for (var i = 0; i < _count; i++)
        {
            var e = _ring[(_next - _count + i + _ring.Length) % _ring.Length];
            if (e.ResourceVersion > version)
            {
                result.Add(e);
            }
        }

        return result;
    }

    /// <summary>Doubles the ring (at most to the capacity) when it is full, keeping the events oldest first.</summary>
    private void Grow()
    {
        var grown = new WatchEvent[(int)Math.Min(_capacity, 2L * _ring.Length)];
        for (var i = 0; i < _count; i++)
        {
            grown[i] = _ring[(_next - _count + i + _ring.Length) % _ring.Length];
        }

        _ring = grown;
        _next = _count % grown.Length;
    }
}
