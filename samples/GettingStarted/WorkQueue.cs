namespace GettingStarted;

/// <summary>The demo's queue of pending work: only its length matters, as the worker autoscaler's custom metric.</summary>
internal sealed class WorkQueue
{
    public const string MetricName = "queue-length";
    private int _length;

    public int Length => Volatile.Read(ref _length);

    public void Set(int length) => Volatile.Write(ref _length, length);
}
