namespace Orchestration.Sdk.Events;

/// <summary>
/// Event names as Kubernetes makes them: <c>&lt;involved object name&gt;.&lt;hex of a timestamp in Unix nanoseconds&gt;</c>.
/// The timestamp is made unique (never repeated, always increasing), since a fake clock stands still between reports.
/// </summary>
internal sealed class EventNames
{
    private long _last;

    public string Next(string involvedName, DateTimeOffset now)
    {
        var nanos = (now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;
        long unique;
        long last;
        do
        {
            last = Interlocked.Read(ref _last);
            unique = nanos > last ? nanos : last + 1;
        }
        while (Interlocked.CompareExchange(ref _last, unique, last) != last);

        return $"{involvedName}.{unique:x}";
    }
}
