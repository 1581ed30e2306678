using System.Diagnostics.CodeAnalysis;

namespace Orchestration.Sdk.Scheduling;

/// <summary>
/// The pods waiting to be scheduled, as kube-scheduler's scheduling queue without priorities: an active first-in,
/// first-out queue, and the pods that fit nowhere parked until the cluster changes or they have waited long enough.
/// Entries are invalidated lazily (a record left the queue when its <see cref="PodRecord.InActiveQueue"/> is false),
/// so no operation scans the queue. Not thread-safe: owned by the scheduling loop.
/// </summary>
internal sealed class SchedulingQueue
{
    private readonly Queue<PodRecord> _active = new();
    private readonly HashSet<PodRecord> _unschedulable = [];
    private long _sequence;

    /// <summary>The parked pods.</summary>
    public int UnschedulableCount => _unschedulable.Count;

    /// <summary>Queues a pending pod unless it is already queued or parked.</summary>
    public void Add(PodRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!record.InActiveQueue && record.UnschedulableSince is null)
        {
            Enqueue(record);
        }
    }

    /// <summary>Queues a pending pod, taking it out of the parked pods if it is there (its spec changed, say).</summary>
    public void Activate(PodRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.UnschedulableSince is not null)
        {
            _unschedulable.Remove(record);
            record.UnschedulableSince = null;
        }

        Add(record);
    }

    /// <summary>Forgets a pod that is no longer pending (bound, terminating or deleted).</summary>
    public void Remove(PodRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        record.InActiveQueue = false;
        if (record.UnschedulableSince is not null)
        {
            _unschedulable.Remove(record);
            record.UnschedulableSince = null;
        }
    }

    /// <summary>The next pending pod in first-in, first-out order.</summary>
    public bool TryPop([NotNullWhen(true)] out PodRecord? record)
    {
        while (_active.TryDequeue(out var next))
        {
            if (!next.InActiveQueue)
            {
                continue;
            }

            next.InActiveQueue = false;
            if (next.IsPending)
            {
                record = next;
                return true;
            }
        }

        record = null;
        return false;
    }

    /// <summary>Parks a pod that fits nowhere.</summary>
    public void MarkUnschedulable(PodRecord record, DateTimeOffset now, bool rejectedByResources)
    {
        ArgumentNullException.ThrowIfNull(record);
        record.InActiveQueue = false;
        record.UnschedulableSince = now;
        record.RejectedByResources = rejectedByResources;
        record.Sequence = ++_sequence;
        _unschedulable.Add(record);
    }

    /// <summary>
    /// Moves parked pods back to the active queue after a cluster change: all of them, or with
    /// <paramref name="resourcesOnly"/> those some node rejected for resources (a bound pod went away).
    /// </summary>
    /// <returns>How many were moved.</returns>
    public int MoveToActive(bool resourcesOnly) => Move(r => !resourcesOnly || r.RejectedByResources);

    /// <summary>Moves pods parked for at least <paramref name="maxAge"/> back to the active queue.</summary>
    public int Flush(DateTimeOffset now, TimeSpan maxAge) => Move(r => now - r.UnschedulableSince!.Value >= maxAge);

    private int Move(Func<PodRecord, bool> predicate)
    {
        if (_unschedulable.Count == 0)
        {
            return 0;
        }

        var moving = _unschedulable.Where(predicate).OrderBy(r => r.Sequence).ToList();
        foreach (var record in moving)
        {
            _unschedulable.Remove(record);
            record.UnschedulableSince = null;
            Enqueue(record);
        }

        return moving.Count;
    }

    private void Enqueue(PodRecord record)
    {
        record.InActiveQueue = true;
        _active.Enqueue(record);
    }
}
