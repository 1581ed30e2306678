using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Orchestration.Sdk.Runtime.InMemory;

public sealed partial class InMemoryNode
{
    private readonly List<Channel<ContainerEvent>> _subscribers = [];

    /// <summary>
    /// Streams container events. Subscribing while the node is down throws <see cref="ContainerRuntimeException"/>
    /// (reason "RuntimeUnavailable"); a stream open when the node goes down stalls, and gets a
    /// <see cref="ContainerEventType.Resync"/> event when the node comes back.
    /// </summary>
    /// <param name="cancellationToken">Ends the stream.</param>
    public async IAsyncEnumerable<ContainerEvent> WatchEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<ContainerEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });
        lock (_gate)
        {
            Enter(InMemoryOperation.WatchEvents);
            _subscribers.Add(channel);
        }

        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var e))
                {
                    yield return e;
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                _subscribers.Remove(channel);
            }
        }
    }

    private void Publish(ContainerEventType type, InMemoryContainer container, DateTimeOffset now)
    {
        if (_down)
        {
            return; // the stream stalls; subscribers get a Resync when the node comes back
        }

        var e = new ContainerEvent(type, container.Id, container.Labels, type == ContainerEventType.Exited ? container.ExitCode : null, now);
        foreach (var s in _subscribers)
        {
            s.Writer.TryWrite(e);
        }
    }

    private void PublishResync()
    {
        var e = new ContainerEvent(ContainerEventType.Resync, string.Empty, new Dictionary<string, string>(), null, _time.GetUtcNow());
        foreach (var s in _subscribers)
        {
            s.Writer.TryWrite(e);
        }
    }
}
