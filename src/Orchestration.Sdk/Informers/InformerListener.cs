using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Informers;

/// <summary>
/// One handler of a shared informer with its own unbounded queue, as client-go's processorListener: the informer only
/// enqueues (under its lock, so the order is the cache's), and a slow handler delays only itself. The queue is drained
/// by one thread-pool work item at a time, started by the first notification after the queue ran empty, so an enqueue
/// takes no lock and an idle listener holds no task. A handler that throws is logged and keeps its place.
/// </summary>
internal sealed class InformerListener : IInformerRegistration
{
    private readonly ConcurrentQueue<InformerNotification> _queue = new();
    private readonly IResourceEventHandler<Resource> _handler;
    private readonly SharedInformer _informer;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ExecutionContext? _context = ExecutionContext.Capture();
    private int _draining;
    private volatile bool _stopped;
    private long _enqueued;
    private long _delivered;
    private long _syncMark = -1;
    private readonly bool _inline;

    /// <param name="informer">The informer.</param>
    /// <param name="handler">The handler.</param>
    /// <param name="logger">Where a failing handler is logged.</param>
    /// <param name="inline">
    /// Deliver on the informer's thread, under its lock, instead of through the queue: only for a handler that does no
    /// more than hand the change on without blocking (the scheduler writes it to its own channel), where the queue's
    /// thread-pool hop per burst is pure cost. Order and "has synced" are the same.
    /// </param>
    public InformerListener(SharedInformer informer, IResourceEventHandler<Resource> handler, ILogger logger, bool inline = false)
    {
        _informer = informer;
        _handler = handler;
        _logger = logger;
        _inline = inline;
    }

    public bool HasSynced => _synced.Task.IsCompleted;

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => _synced.Task.WaitAsync(cancellationToken);

    /// <summary>Queues a change; called under the informer's lock.</summary>
    public void Enqueue(InformerNotification notification)
    {
        _enqueued++;
        if (_stopped)
        {
            return;
        }

        if (_inline)
        {
            Deliver(notification);
            Delivered();
            return;
        }

        _queue.Enqueue(notification);
        if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static s => ((InformerListener)s!).Drain(), this, preferLocal: false);
        }
    }

    /// <summary>Marks everything queued so far as this handler's initial list; called under the informer's lock.</summary>
    public void MarkSynced()
    {
        if (Interlocked.Read(ref _syncMark) >= 0)
        {
            return;
        }

        Interlocked.Exchange(ref _syncMark, _enqueued);
        if (Interlocked.Read(ref _delivered) >= _enqueued)
        {
            _synced.TrySetResult();
        }
    }

    /// <summary>Takes no more notifications; those already queued are still delivered.</summary>
    public void Stop() => _stopped = true;

    public void Dispose()
    {
        _informer.RemoveListener(this);
        Stop();
    }

    private void Drain()
    {
        if (_context is null)
        {
            DrainQueued();
        }
        else
        {
            ExecutionContext.Run(_context, static s => ((InformerListener)s!).DrainQueued(), this);
        }
    }

    private void DrainQueued()
    {
        while (true)
        {
            while (_queue.TryDequeue(out var n))
            {
                Deliver(n);
                Delivered();
            }

            // Let go, then look once more: a notification queued in between either saw the flag set (and relies on
            // this loop) or starts the next drain itself.
            Volatile.Write(ref _draining, 0);
            if (_queue.IsEmpty || Interlocked.CompareExchange(ref _draining, 1, 0) != 0)
            {
                return;
            }
        }
    }

    private void Delivered()
    {
        var delivered = Interlocked.Increment(ref _delivered);
        var mark = Interlocked.Read(ref _syncMark);
        if (mark >= 0 && delivered >= mark)
        {
            _synced.TrySetResult();
        }
    }

    private void Deliver(InformerNotification n)
    {
        try
        {
            switch (n.Type)
            {
                case InformerNotificationType.Add:
                    _handler.OnAdd(n.New, n.IsInInitialList);
                    break;
                case InformerNotificationType.Update:
                    _handler.OnUpdate(n.Old!, n.New);
                    break;
                default:
                    _handler.OnDelete(n.New);
                    break;
            }
        }
#pragma warning disable CA1031 // A failing handler must not stop the informer or the other handlers; it is logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            InformerLog.HandlerFailed(_logger, ex, _informer.Kind, n.Type.ToString(), n.New.Key.Display);
        }
    }
}
