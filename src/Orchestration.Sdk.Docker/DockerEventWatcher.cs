using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Backoff;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker;

/// <summary>
/// Follows the engine's /events stream for the app's managed containers (start, die, destroy). When the stream
/// breaks or ends (engine restart), it reconnects with exponential backoff, replays what the engine still holds
/// since the last event seen, and emits <see cref="ContainerEventType.Resync"/> so the consumer relists.
/// </summary>
internal sealed partial class DockerEventWatcher
{
    private readonly IDockerClient _client;
    private readonly string _appName;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly HashSet<Stream> _streams = [];
    private readonly CancellationToken _stopping;
    private int _reconnectWaits;

    public DockerEventWatcher(IDockerClient client, string appName, TimeProvider time, ILogger logger, CancellationToken stopping)
    {
        _stopping = stopping;
        _client = client;
        _appName = appName;
        _time = time;
        _logger = logger;
    }

    /// <summary>The first reconnect delay; it doubles up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest reconnect delay.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times a stream was lost and a reconnect delay began (tests wait on it).</summary>
    internal int ReconnectWaits => Volatile.Read(ref _reconnectWaits);

    /// <summary>Test hook: disposes the open streams, as a broken connection would.</summary>
    internal void BreakStreams()
    {
        Stream[] streams;
        lock (_gate)
        {
            streams = [.. _streams];
        }

        foreach (var stream in streams)
        {
            stream.Dispose();
        }
    }

    public async IAsyncEnumerable<ContainerEvent> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<ContainerEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping);
        var pump = Task.Run(() => PumpAsync(channel.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await pump.ConfigureAwait(false);
        }
    }

    private async Task PumpAsync(ChannelWriter<ContainerEvent> writer, CancellationToken cancellationToken)
    {
        // Replay from slightly before the watch began, so nothing between a consumer's list and this connection is lost.
        var sinceNano = (_time.GetUtcNow() - TimeSpan.FromSeconds(2)).ToUnixTimeMilliseconds() * 1_000_000;
        var delivered = new HashSet<string>(StringComparer.Ordinal);
        var connectedBefore = false;
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            Stream? stream = null;
            try
            {
                // The stream overload (obsolete in favour of an IProgress one) returns once the engine has answered, so a
                // Resync is only emitted for a connection that really is back, and the stream can be broken on purpose.
#pragma warning disable CS0618
                stream = await _client.System.MonitorEventsAsync(Parameters(sinceNano), cancellationToken).ConfigureAwait(false);
#pragma warning restore CS0618
                Track(stream, add: true);
                if (connectedBefore)
                {
                    LogReconnected();
                    writer.TryWrite(new ContainerEvent(ContainerEventType.Resync, string.Empty, new Dictionary<string, string>(), null, _time.GetUtcNow()));
                }

                connectedBefore = true;
                failures = 0;
                using var reader = new StreamReader(stream);
                while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
                {
                    var item = TryParse(line, out var timeNano);
                    if (timeNano > sinceNano)
                    {
                        sinceNano = timeNano;
                        delivered.Clear();
                    }
                    else if (timeNano < sinceNano)
                    {
                        continue;
                    }

                    if (item is not null && delivered.Add(item.ContainerId + "/" + item.Type))
                    {
                        writer.TryWrite(item);
                    }
                }

                LogStreamEnded();
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                LogStreamBroken(DockerErrors.Describe(e));
            }
            catch (Exception)
            {
                break;
            }
            finally
            {
                if (stream is not null)
                {
                    Track(stream, add: false);
                    await stream.DisposeAsync().ConfigureAwait(false);
                }
            }

            failures++;
            var delay = new ExponentialBackoff(InitialBackoff, MaxBackoff).Delay(failures);
            Interlocked.Increment(ref _reconnectWaits);
            try
            {
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        writer.TryComplete();
    }

    private ContainerEventsParameters Parameters(long sinceNano) => new()
    {
        Since = DockerEventParser.FormatSince(sinceNano),
        Filters = new Dictionary<string, IDictionary<string, bool>>
        {
            ["type"] = new Dictionary<string, bool> { ["container"] = true },
            ["event"] = new Dictionary<string, bool> { ["start"] = true, ["die"] = true, ["destroy"] = true },
            ["label"] = new Dictionary<string, bool>
            {
                [RuntimeLabels.Managed + "=true"] = true,
                [RuntimeLabels.App + "=" + _appName] = true,
            },
        },
    };

    private ContainerEvent? TryParse(string line, out long timeNano)
    {
        try
        {
            return DockerEventParser.Parse(line, out timeNano);
        }
        catch (JsonException e)
        {
            timeNano = 0;
            LogUnreadableEvent(e.Message);
            return null;
        }
    }

    private void Track(Stream stream, bool add)
    {
        lock (_gate)
        {
            _ = add ? _streams.Add(stream) : _streams.Remove(stream);
        }
    }

    [LoggerMessage(EventId = 3031, Level = LogLevel.Warning, Message = "Docker event stream broke ({Error}); reconnecting and resyncing")]
    private partial void LogStreamBroken(string error);

    [LoggerMessage(EventId = 3032, Level = LogLevel.Warning, Message = "Docker event stream ended (engine restarted?); reconnecting and resyncing")]
    private partial void LogStreamEnded();

    [LoggerMessage(EventId = 3033, Level = LogLevel.Information, Message = "Docker event stream re-established; consumers relist")]
    private partial void LogReconnected();

    [LoggerMessage(EventId = 3034, Level = LogLevel.Warning, Message = "Ignoring an unreadable Docker event: {Error}")]
    private partial void LogUnreadableEvent(string error);
}
