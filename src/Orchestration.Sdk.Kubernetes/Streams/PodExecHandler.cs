using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime.Streams;

namespace Orchestration.Sdk.Kubernetes.Streams;

/// <summary>
/// <c>GET/POST /api/v1/namespaces/{ns}/pods/{name}/exec</c> over WebSocket (<c>v5.channel.k8s.io</c>, else
/// <c>v4.channel.k8s.io</c>), as kubectl 1.31+ speaks it: channel 0 stdin, 1 stdout, 2 stderr, 3 a JSON
/// <c>Status</c> with the exit code, 4 terminal resize, and in v5 a close signal on channel 255.
/// </summary>
public sealed class PodExecHandler
{
    private readonly IPodStreams _streams;
    private readonly TimeProvider _time;

    /// <summary>Creates the handler.</summary>
    /// <param name="streams">Where exec sessions come from.</param>
    /// <param name="time">The clock of the close handshake's grace period; null for <see cref="TimeProvider.System"/>.</param>
    public PodExecHandler(IPodStreams streams, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(streams);
        _streams = streams;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// Serves one exec request for <paramref name="pod"/>: errors before the upgrade are a Kubernetes <c>Status</c>
    /// (400 for no command, no WebSocket or no supported subprotocol; 404 for a missing container).
    /// </summary>
    /// <param name="context">The request; its <c>RequestAborted</c> ends the session.</param>
    /// <param name="pod">The pod, already read and authorised by the server.</param>
    /// <returns>A task that completes when the session has ended.</returns>
    public async Task HandleAsync(HttpContext context, Pod pod)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(pod);
        var query = context.Request.Query;
        ContainerExecOptions options;
        string? container;
        try
        {
            options = new ContainerExecOptions
            {
                Command = [.. query["command"].Where(c => c is not null).Select(c => c!)],
                Stdin = StreamQuery.Bool(query, "stdin"),
                Stdout = StreamQuery.Bool(query, "stdout", fallback: true),
                Stderr = StreamQuery.Bool(query, "stderr", fallback: true),
                Tty = StreamQuery.Bool(query, "tty"),
            };
            container = StreamQuery.String(query, "container");
        }
        catch (FormatException e)
        {
            await StreamStatus.WriteAsync(context, 400, "BadRequest", e.Message).ConfigureAwait(false);
            return;
        }

        if (options.Command.Count == 0)
        {
            await StreamStatus.WriteAsync(context, 400, "BadRequest", "you must specify at least 1 command").ConfigureAwait(false);
            return;
        }

        var protocol = await StreamUpgrade.EnsureProcessesAsync(context, _streams, pod, "exec into").ConfigureAwait(false)
            ? await StreamUpgrade.NegotiateAsync(context, StreamProtocols.Exec).ConfigureAwait(false)
            : null;
        if (protocol is null)
        {
            return;
        }

        IContainerExecSession session;
        try
        {
            session = await _streams.ExecAsync(pod, container, options, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OrchestrationException e)
        {
            await StreamStatus.WriteErrorAsync(context, e).ConfigureAwait(false);
            return;
        }


        await using (session.ConfigureAwait(false))
        {
            using var socket = new ChannelWebSocket(await context.WebSockets.AcceptWebSocketAsync(protocol).ConfigureAwait(false));
            await new ExecPump(socket, session, options, protocol == StreamProtocols.V5, _time).RunAsync(context.RequestAborted).ConfigureAwait(false);
        }
    }
}
