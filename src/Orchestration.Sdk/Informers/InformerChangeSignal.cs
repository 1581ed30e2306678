using System.Threading.Channels;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Informers;

/// <summary>
/// Wakes a level-based loop when any of the informers it follows applies a change (optionally only changes that
/// match a filter), instead of polling the store: the loop reads the current state, acts, then awaits
/// <see cref="WaitAsync"/>. Changes that arrive while the loop acts are coalesced into one wake-up, never lost.
/// </summary>
internal sealed class InformerChangeSignal : IDisposable
{
    private readonly Channel<bool> _changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly List<IInformerRegistration> _registrations = [];

    /// <summary>Follows an informer; <paramref name="filter"/> picks the changes that matter (all by default).</summary>
    public InformerChangeSignal Follow<T>(ISharedInformer<T> informer, Func<T, bool>? filter = null)
        where T : Resource
    {
        ArgumentNullException.ThrowIfNull(informer);
        _registrations.Add(informer.AddEventHandler(ResourceEventHandler<T>.OnAny(obj =>
        {
            if (filter is null || filter(obj))
            {
                _changed.Writer.TryWrite(true);
            }
        })));
        return this;
    }

    /// <summary>Completes once every followed informer has told this signal its first list.</summary>
    public Task WaitForSyncAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_registrations.Select(r => r.WaitForSyncAsync(cancellationToken)));

    /// <summary>Completes at the next change since the last call (at once if one came meanwhile), or after <paramref name="timeout"/>.</summary>
    /// <param name="timeout">Wake up anyway after this long on <paramref name="time"/>. <value>The default value is null (only on a change).</value></param>
    /// <param name="time">The clock of <paramref name="timeout"/>.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public async Task WaitAsync(TimeSpan? timeout = null, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        if (_changed.Reader.TryRead(out _))
        {
            return;
        }

        if (timeout is not { } interval)
        {
            await _changed.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var changed = _changed.Reader.WaitToReadAsync(either.Token).AsTask();
        var elapsed = Task.Delay(interval, time ?? TimeProvider.System, either.Token);
        await Task.WhenAny(changed, elapsed).ConfigureAwait(false);
        await either.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        _changed.Reader.TryRead(out _);
    }

    public void Dispose()
    {
        foreach (var r in _registrations)
        {
            r.Dispose();
        }
    }
}
