using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Orchestration.Sdk.Kubernetes.Discovery;
using Orchestration.Sdk.Kubernetes.Tables;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Kubernetes.Server;

/// <summary>
/// Watches (<c>?watch=1</c>): a stream of JSON lines <c>{"type":…,"object":…}</c> over the store's watch. Without a
/// resourceVersion (or with "0") the current objects come first as ADDED. An object that stops matching the selectors
/// is sent as DELETED, as the API server does. A version older than the store's history is 410 Gone (<c>Expired</c>);
/// a watcher that falls behind gets an ERROR event with that Status. With <c>allowWatchBookmarks</c>, BOOKMARK events
/// carry the latest version; <c>timeoutSeconds</c> ends the watch. Tables (<c>kubectl get -w</c>) stream one-row Tables.
/// </summary>
internal sealed class WatchHandler(ApiStorage storage, ResourceHandler resources, TimeProvider time)
{
    /// <summary>How often a bookmark is sent when the client allows them.</summary>
    public static readonly TimeSpan BookmarkInterval = TimeSpan.FromSeconds(30);

    public async Task HandleAsync(HttpContext context, ApiRequest request, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var kind = request.Kind;
        var filter = ResourceHandler.Filter(request, query);
        var table = TableWriter.Wanted(context.Request.Headers.Accept);
        var include = query["includeObject"].FirstOrDefault();
        var bookmarks = query["allowWatchBookmarks"].FirstOrDefault() is "true" or "1";
        using var timeout = int.TryParse(query["timeoutSeconds"].FirstOrDefault(), CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? new CancellationTokenSource(TimeSpan.FromSeconds(seconds), time)
            : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var token = linked.Token;

        var rv = query["resourceVersion"].FirstOrDefault();
        var (current, listVersion) = await resources.ListAsync(request, query, cancellationToken).ConfigureAwait(false);
        var fromStart = string.IsNullOrEmpty(rv) || rv == "0";
        long from = listVersion;
        if (!fromStart && !long.TryParse(rv, CultureInfo.InvariantCulture, out from))
        {
            throw ApiError.BadRequest($"invalid resource version \"{rv}\"");
        }

        var matched = current.Select(r => r.Key).ToHashSet();
        if (!kind.Stored)
        {
            await StartAsync(context, token).ConfigureAwait(false);
            await WaitForEndAsync(token).ConfigureAwait(false);
            return;
        }

        var events = storage.Watch(kind, from, token).GetAsyncEnumerator(token);
        await using var disposeEvents = events.ConfigureAwait(false);
        var next = events.MoveNextAsync();
        if (next.IsCompleted && next.Result && events.Current.Type == WatchEventType.Expired)
        {
            await ApiResponse.StatusAsync(context, ApiError.Expired($"too old resource version: {from} ({listVersion})"), cancellationToken).ConfigureAwait(false);
            return;
        }

        await StartAsync(context, token).ConfigureAwait(false);
        if (fromStart)
        {
            foreach (var item in current)
            {
                await WriteAsync(context, "ADDED", Encode(kind, item, table, include), token).ConfigureAwait(false);
            }
        }

        var last = from;
        try
        {
            var move = next.AsTask();
            var tick = NextTick(bookmarks, token);
            while (true)
            {
                if (await Task.WhenAny(move, tick).ConfigureAwait(false) == tick)
                {
                    await tick.ConfigureAwait(false);
                    await WriteAsync(context, "BOOKMARK", Bookmark(kind, last), token).ConfigureAwait(false);
                    tick = NextTick(bookmarks, token);
                    continue;
                }

                if (!await move.ConfigureAwait(false))
                {
                    return;
                }

                var e = events.Current;
                if (e.Type == WatchEventType.Expired)
                {
                    await WriteAsync(context, "ERROR", ApiError.Expired(e.Message ?? "the watch expired").ToStatusJson(), token).ConfigureAwait(false);
                    return;
                }

                last = e.ResourceVersion;
                if (Classify(e, filter, matched) is { } type)
                {
                    await WriteAsync(context, type, Encode(kind, e.Object!, table, include), token).ConfigureAwait(false);
                }

                move = events.MoveNextAsync().AsTask();
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The client went away, or timeoutSeconds passed: the watch ends normally.
        }
    }

    private static string? Classify(WatchEvent e, Func<Resource, bool> filter, HashSet<ObjectKey> matched)
    {
        var obj = e.Object!;
        if (e.Type == WatchEventType.Deleted)
        {
            return matched.Remove(obj.Key) || filter(obj) ? "DELETED" : null;
        }

        if (filter(obj))
        {
            return matched.Add(obj.Key) ? "ADDED" : "MODIFIED";
        }

        return matched.Remove(obj.Key) ? "DELETED" : null;
    }

    private Task NextTick(bool bookmarks, CancellationToken token) =>
        bookmarks ? Task.Delay(BookmarkInterval, time, token) : Task.Delay(Timeout.Infinite, token);

    private string Encode(ApiKind kind, Resource item, bool table, string? include)
    {
        if (!table)
        {
            return Wire.WireJson.Serialize(kind.ToWire(item));
        }

        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            TableWriter.Write(w, kind, [item], item.Metadata.ResourceVersion, time.GetUtcNow(), include);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Bookmark(ApiKind kind, long version) =>
        $"{{\"kind\":\"{kind.Kind}\",\"apiVersion\":\"{kind.ApiVersion}\",\"metadata\":{{\"resourceVersion\":\"{version.ToString(CultureInfo.InvariantCulture)}\"}}}}";

    private static async Task StartAsync(HttpContext context, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = ApiResponse.Json;
        await context.Response.StartAsync(cancellationToken).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteAsync(HttpContext context, string type, string json, CancellationToken cancellationToken)
    {
        var line = Encoding.UTF8.GetBytes($"{{\"type\":\"{type}\",\"object\":{json}}}\n");
        await context.Response.Body.WriteAsync(line, cancellationToken).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task WaitForEndAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
