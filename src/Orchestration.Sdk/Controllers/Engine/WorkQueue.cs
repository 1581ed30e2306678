using System.Threading.Channels;
using Orchestration.Sdk.Backoff;

namespace Orchestration.Sdk.Controllers.Engine;

/// <summary>
/// A work queue as client-go's: a key queued twice before it is picked up is processed once; a key being processed
/// is not handed to a second worker, and if it is queued meanwhile it is processed again afterwards. Delayed adds and
/// per-key exponential backoff run on the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class WorkQueue<T> : IDisposable
    where T : notnull
{
    private readonly Lock _gate = new();
    private readonly Channel<T> _ready = Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly HashSet<T> _dirty = [];
    private readonly HashSet<T> _processing = [];
    private readonly Dictionary<T, int> _failures = [];
    private readonly Dictionary<T, DelayedAdd> _timers = [];
    private readonly TimeProvider _time;
    private readonly ExponentialBackoff _backoff;
    private bool _shutDown;

    public WorkQueue(TimeProvider time, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _backoff = new ExponentialBackoff(baseDelay, maxDelay);
    }

    /// <summary>Keys waiting (not counting those being processed).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _dirty.Count;
            }
        }
    }

    public void Add(T key)
    {
        lock (_gate)
        {
            if (_shutDown || !_dirty.Add(key))
            {
                return;
            }

            if (!_processing.Contains(key))
            {
                _ready.Writer.TryWrite(key);
            }
        }
    }

    /// <summary>Adds the key after a delay; an earlier pending delayed add for the same key wins.</summary>
    public void AddAfter(T key, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }

        lock (_gate)
        {
            if (_shutDown)
            {
                return;
            }

            if (_timers.TryGetValue(key, out var existing))
            {
                existing.Timer?.Dispose();
            }

            // The entry exists before its timer: a clock advanced on another thread may fire the timer before
            // CreateTimer returns, and Fire must still recognise it (it waits for this lock, then finds the entry).
            var entry = new DelayedAdd();
            _timers[key] = entry;
            entry.Timer = _time.CreateTimer(_ => Fire(key, entry), null, delay, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>
    /// Adds the key at <paramref name="due"/> on the queue's clock, at once if that has passed. Unlike
    /// <see cref="AddAfter"/> with a delay computed earlier, time that passes before the timer is armed does not delay it:
    /// if the clock has reached <paramref name="due"/> by the time the timer exists, the key is added at once.
    /// </summary>
    public void AddAt(T key, DateTimeOffset due)
    {
        AddAfter(key, due - _time.GetUtcNow());
        if (_time.GetUtcNow() >= due)
        {
            Add(key); // the clock moved past due while the timer was armed with the older delay
        }
    }

    /// <summary>Adds the key after its backoff: base × 2^failures, capped at the maximum.</summary>
    public TimeSpan AddRateLimited(T key)
    {
        TimeSpan delay;
        lock (_gate)
        {
            var failures = _failures.GetValueOrDefault(key);
            _failures[key] = failures + 1;
            delay = _backoff.Delay(failures + 1);
        }

        AddAfter(key, delay);
        return delay;
    }

    /// <summary>Clears the key's failure count (after a successful reconcile).</summary>
    public void Forget(T key)
    {
        lock (_gate)
        {
            _failures.Remove(key);
        }
    }

    /// <summary>Whether a delayed add (a requeue after a delay or a backoff) is pending for the key.</summary>
    public bool IsScheduled(T key)
    {
        lock (_gate)
        {
            return _timers.ContainsKey(key);
        }
    }

    public int Failures(T key)
    {
        lock (_gate)
        {
            return _failures.GetValueOrDefault(key);
        }
    }

    /// <summary>Waits for the next key; returns false once the queue is shut down.</summary>
    public async ValueTask<(bool Ok, T Key)> GetAsync(CancellationToken cancellationToken)
    {
        while (await _ready.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_ready.Reader.TryRead(out var key))
            {
                lock (_gate)
                {
                    _dirty.Remove(key);
                    _processing.Add(key);
                }

                return (true, key);
            }
        }

        return (false, default!);
    }

    /// <summary>Marks a key processed; if it was added meanwhile it is queued again.</summary>
    public void Done(T key)
    {
        lock (_gate)
        {
            _processing.Remove(key);
            if (_dirty.Contains(key) && !_shutDown)
            {
                _ready.Writer.TryWrite(key);
            }
        }
    }

    public void ShutDown()
    {
        lock (_gate)
        {
            _shutDown = true;
            foreach (var t in _timers.Values.Select(e => e.Timer).OfType<ITimer>())
            {
                t.Dispose();
            }

            _timers.Clear();
            _ready.Writer.TryComplete();
        }
    }

    public void Dispose() => ShutDown();

    private void Fire(T key, DelayedAdd entry)
    {
        lock (_gate)
        {
            if (!_timers.TryGetValue(key, out var current) || !ReferenceEquals(current, entry))
            {
                return;
            }

            _timers.Remove(key);
            entry.Timer?.Dispose();
        }

        Add(key);
    }

    /// <summary>A pending delayed add; its timer is set once created.</summary>
    private sealed class DelayedAdd
    {
        public ITimer? Timer { get; set; }
    }
}
