using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Store;

internal sealed partial class ResourceStore
{
    /// <summary>
    /// Watches one kind. Without <paramref name="fromVersion"/> only later changes are seen; with it, changes after
    /// that version are replayed first. A version older than the history, or a watcher that falls more than
    /// <see cref="StoreOptions.WatcherBufferCapacity"/> events behind, gets one <see cref="WatchEventType.Expired"/> event and the watch ends.
    /// </summary>
    public async IAsyncEnumerable<WatchEvent> Watch(string kind, long? fromVersion = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var watcher = Register(kind, fromVersion);
        try
        {
            while (await watcher.Channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (watcher.Channel.Reader.TryRead(out var e))
                {
                    yield return Reveal(e);
                }
            }

            if (watcher.ExpiredMessage is { } message)
            {
                yield return new WatchEvent(WatchEventType.Expired, null, Version, message);
            }
        }
        finally
        {
            lock (_gate)
            {
                _watchers.Remove(watcher);
            }
        }
    }

    private Watcher Register(string kind, long? fromVersion)
    {
        var watcher = new Watcher(kind, Channel.CreateBounded<WatchEvent>(new BoundedChannelOptions(_options.WatcherBufferCapacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        }));
        lock (_gate)
        {
            if (fromVersion is { } from)
            {
                var replay = _history.Since(from, _version);
                if (replay is null)
                {
                    watcher.Expire($"too old resource version: {from} (the store keeps the last {_options.HistoryCapacity} changes); list again and watch from the list's version");
                    return watcher;
                }

                foreach (var e in replay)
                {
                    if (e.Object?.Kind == kind && !watcher.Offer(e))
                    {
                        watcher.Expire(FellBehind());
                        return watcher;
                    }
                }
            }

            _watchers.Add(watcher);
        }

        return watcher;
    }

    private void Publish(WatchEvent e)
    {
        _history.Add(e);
        SignalChanged();
        for (var i = _watchers.Count - 1; i >= 0; i--)
        {
            var w = _watchers[i];
            if (w.Kind == e.Object!.Kind && !w.Offer(e))
            {
                w.Expire(FellBehind());
                _watchers.RemoveAt(i);
            }
        }
    }

    private string FellBehind() =>
        $"the watcher fell more than {_options.WatcherBufferCapacity} events behind; list again and watch from the list's version";

    private sealed class Watcher(string kind, Channel<WatchEvent> channel)
    {
        public string Kind { get; } = kind;

        public Channel<WatchEvent> Channel { get; } = channel;

        public string? ExpiredMessage { get; private set; }

        public bool Offer(WatchEvent e) => ExpiredMessage is null && Channel.Writer.TryWrite(e);

        public void Expire(string message)
        {
            ExpiredMessage = message;
            Channel.Writer.TryComplete();
        }
    }
}
