using System.Threading.Channels;

namespace Orchestration.Sdk.Runtime.NodeAgents;

/// <summary>
/// Serializes the syncs of one pod (the kubelet's pod worker): signals coalesce into one pending sync; a timer on the
/// agent's clock wakes it when a back-off or retry delay ends. Runtime failures are retried with back-off and never
/// escape.
/// </summary>
internal sealed class PodWorker
{
    private readonly NodeAgent _agent;
    private readonly PodSynchronizer _sync;
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    private readonly ITimer _wake;
    private int _failures;

    public PodWorker(NodeAgent agent, PodSynchronizer sync)
    {
        _agent = agent;
        _sync = sync;
        _wake = agent.Time.CreateTimer(static s => ((PodWorker)s!).Signal(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public string Uid => _sync.Uid;

    public Task Completion { get; private set; } = Task.CompletedTask;

    /// <summary>Whether a sync was requested and not yet begun.</summary>
    public bool HasPendingSignal => _signal.Reader.Count > 0;

    public void Signal() => _signal.Writer.TryWrite(true);

    public void Start(CancellationToken stoppingToken) => Completion = Task.Run(() => RunAsync(stoppingToken), CancellationToken.None);

    private async Task RunAsync(CancellationToken ct)
    {
        try
        {
            while (await _signal.Reader.WaitToReadAsync(ct).ConfigureAwait(false))
            {
                _signal.Reader.TryRead(out _);
                var outcome = await SyncOnceAsync(ct).ConfigureAwait(false);
                if (outcome.Finished && _agent.TryRetire(this))
                {
                    return;
                }

                var delay = outcome.WakeAt is { } at ? at - _agent.Time.GetUtcNow() : Timeout.InfiniteTimeSpan;
                if (outcome.WakeAt is not null && delay <= TimeSpan.Zero)
                {
                    Signal();
                }
                else
                {
                    _wake.Change(delay, Timeout.InfiniteTimeSpan);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            await _wake.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<SyncOutcome> SyncOnceAsync(CancellationToken ct)
    {
        try
        {
            var outcome = await _sync.SyncAsync(ct).ConfigureAwait(false);
            _failures = 0;
            return outcome;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A failed sync must never stop the worker: it is retried with back-off.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var delay = RetryDelay.For(++_failures, _agent.Options);
            if (ex is ContainerRuntimeException cre)
            {
                NodeAgentLog.SyncFailed(_agent.Logger, _agent.NodeName, _sync.Key.Display, cre.Reason, cre.Message, delay);
            }
            else
            {
                NodeAgentLog.SyncCrashed(_agent.Logger, ex, _agent.NodeName, _sync.Key.Display, delay);
            }

            return new SyncOutcome(false, _agent.Time.GetUtcNow() + delay);
        }
    }
}
