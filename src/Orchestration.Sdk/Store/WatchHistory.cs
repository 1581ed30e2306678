namespace Orchestration.Sdk.Store;

/// <summary>A ring buffer of the most recent changes, so a watch can resume from a recent version.</summary>
internal sealed class WatchHistory(int capacity)
{
    private readonly WatchEvent[] _ring = new WatchEvent[Math.Max(1, capacity)];
    private int _next;
    private int _count;

    public void Add(WatchEvent e)
    {
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
}
