using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Informers;

/// <summary>
/// One handler of a shared informer with its own unbounded queue and delivery task, as client-go's processorListener:
/// the informer only enqueues (under its lock, so the order is the cache's), and a slow handler delays only itself.
/// A handler that throws is logged and keeps its place.
/// </summary>
internal sealed class InformerListener : IInformerRegistration
{
    private readonly Channel<InformerNotification> _queue = Channel.CreateUnbounded<InformerNotification>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IResourceEventHandler<Resource> _handler;
    private readonly SharedInformer _informer;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _pump;
    private long _enqueued;
    private long _delivered;
    private long _syncMark = -1;

    public InformerListener(SharedInformer informer, IResourceEventHandler<Resource> handler, ILogger logger)
    {
        _informer = informer;
        _handler = handler;
        _logger = logger;
        _pump = Task.Run(PumpAsync, CancellationToken.None);
    }

    public bool HasSynced => _synced.Task.IsCompleted;

    public Task Completion => _pump;

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => _synced.Task.WaitAsync(cancellationToken);

    /// <summary>Queues a change; called under the informer's lock.</summary>
    public void Enqueue(InformerNotification notification)
    {
        _enqueued++;
        _queue.Writer.TryWrite(notification);
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

    public void Stop() => _queue.Writer.TryComplete();

    public void Dispose()
    {
        _informer.RemoveListener(this);
        Stop();
    }

    private async Task PumpAsync()
    {
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            while (_queue.Reader.TryRead(out var n))
            {
                Deliver(n);
                var delivered = Interlocked.Increment(ref _delivered);
                var mark = Interlocked.Read(ref _syncMark);
                if (mark >= 0 && delivered >= mark)
                {
                    _synced.TrySetResult();
                }
            }
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
