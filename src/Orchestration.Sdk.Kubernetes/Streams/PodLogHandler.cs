using System.Globalization;
using Microsoft.AspNetCore.Http;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime.Streams;

namespace Orchestration.Sdk.Kubernetes.Streams;

/// <summary>
/// <c>GET /api/v1/namespaces/{ns}/pods/{name}/log</c>: <c>container</c>, <c>follow</c>, <c>previous</c>,
/// <c>tailLines</c>, <c>sinceSeconds</c>, <c>sinceTime</c>, <c>timestamps</c> and <c>limitBytes</c>, answered as
/// <c>text/plain</c> and flushed chunk by chunk so <c>kubectl logs -f</c> sees lines as they are written.
/// </summary>
public sealed class PodLogHandler
{
    private readonly IPodStreams _streams;
    private readonly TimeProvider _time;

    /// <summary>Creates the handler.</summary>
    /// <param name="streams">Where the output comes from.</param>
    /// <param name="time">The clock <c>sinceSeconds</c> counts back from.</param>
    public PodLogHandler(IPodStreams streams, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(streams);
        ArgumentNullException.ThrowIfNull(time);
        _streams = streams;
        _time = time;
    }

    /// <summary>Serves one log request; errors before any output are a Kubernetes <c>Status</c> (400, 404).</summary>
    /// <param name="context">The request; its <c>RequestAborted</c> ends a follow.</param>
    /// <param name="pod">The pod, already read and authorised by the server.</param>
    /// <returns>A task that completes when the output has ended or the client left.</returns>
    public async Task HandleAsync(HttpContext context, Pod pod)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(pod);
        var query = context.Request.Query;
        ContainerLogOptions options;
        long? limitBytes;
        try
        {
            options = Options(query);
            limitBytes = StreamQuery.Long(query, "limitBytes");
            if (limitBytes is <= 0)
            {
                throw new FormatException($"limitBytes: Invalid value: {limitBytes}: must be greater than 0");
            }
        }
        catch (FormatException e)
        {
            await StreamStatus.WriteAsync(context, 422, "Invalid", e.Message).ConfigureAwait(false);
            return;
        }

        var ct = context.RequestAborted;
        var chunks = _streams.StreamLogsAsync(pod, StreamQuery.String(query, "container"), StreamQuery.Bool(query, "previous"), options, ct)
            .GetAsyncEnumerator(ct);
        await using (chunks.ConfigureAwait(false))
        {
            bool more;
            try
            {
                more = await chunks.MoveNextAsync().ConfigureAwait(false);
            }
            catch (OrchestrationException e)
            {
                await StreamStatus.WriteErrorAsync(context, e).ConfigureAwait(false);
                return;
            }

            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/plain";
            var remaining = limitBytes ?? long.MaxValue;
            for (; more && remaining > 0; more = await chunks.MoveNextAsync().ConfigureAwait(false))
            {
                var chunk = chunks.Current.Length > remaining ? chunks.Current[..(int)remaining] : chunks.Current;
                remaining -= chunk.Length;
                await context.Response.Body.WriteAsync(chunk, ct).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(ct).ConfigureAwait(false);
            }
        }
    }

    private ContainerLogOptions Options(IQueryCollection query)
    {
        var tail = StreamQuery.Long(query, "tailLines");
        if (tail is < 0)
        {
            throw new FormatException($"tailLines: Invalid value: {tail}: must be greater than or equal to 0");
        }

        DateTimeOffset? since = null;
        if (StreamQuery.Long(query, "sinceSeconds") is { } seconds)
        {
            since = seconds < 1
                ? throw new FormatException($"sinceSeconds: Invalid value: {seconds}: must be greater than 0")
                : _time.GetUtcNow().AddSeconds(-seconds);
        }
        else if (StreamQuery.String(query, "sinceTime") is { } sinceTime)
        {
            since = DateTimeOffset.TryParse(sinceTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed
                : throw new FormatException($"sinceTime: Invalid value: \"{sinceTime}\": must be an RFC 3339 time");
        }

        return new ContainerLogOptions
        {
            Follow = StreamQuery.Bool(query, "follow"),
            TailLines = tail,
            Since = since,
            Timestamps = StreamQuery.Bool(query, "timestamps"),
        };
    }
}
