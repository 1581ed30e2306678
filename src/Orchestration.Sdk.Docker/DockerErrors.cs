using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Docker.DotNet;

namespace Orchestration.Sdk.Docker;

/// <summary>Classifies engine errors and extracts the engine's own message.</summary>
internal static class DockerErrors
{
    public static bool IsNotFound(Exception exception) =>
        exception is DockerApiException { StatusCode: HttpStatusCode.NotFound };

    public static bool IsConflict(Exception exception) =>
        exception is DockerApiException { StatusCode: HttpStatusCode.Conflict };

    /// <summary>True when the engine could not be reached at all (nothing listening, connection reset).</summary>
    public static bool IsConnectionFailure(Exception exception) =>
        Flatten(exception).Any(e => e is HttpRequestException or SocketException or IOException);

    /// <summary>True when trying again may succeed: connection failures and gateway errors.</summary>
    public static bool IsTransient(Exception exception) =>
        IsConnectionFailure(exception)
        || Flatten(exception).Any(e => e is TimeoutException
            || e is DockerApiException { StatusCode: HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout });

    /// <summary>The engine's "message" for an API error, else the innermost message.</summary>
    public static string Describe(Exception exception)
    {
        if (Flatten(exception).OfType<DockerApiException>().FirstOrDefault() is { } api)
        {
            return MessageOf(api);
        }

        var innermost = exception;
        while (innermost is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            innermost = aggregate.InnerExceptions[0];
        }

        var messages = new List<string>();
        for (var e = innermost; e is not null; e = e.InnerException)
        {
            if (!messages.Contains(e.Message, StringComparer.Ordinal))
            {
                messages.Add(e.Message);
            }
        }

        return string.Join(": ", messages);
    }

    private static string MessageOf(DockerApiException api)
    {
        try
        {
            using var json = JsonDocument.Parse(api.ResponseBody ?? string.Empty);
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("message", out var message)
                && message.GetString() is { Length: > 0 } text)
            {
                return text;
            }
        }
        catch (JsonException)
        {
        }

        return string.IsNullOrWhiteSpace(api.ResponseBody) ? api.StatusCode.ToString() : api.ResponseBody.Trim();
    }

    private static IEnumerable<Exception> Flatten(Exception exception)
    {
        var pending = new Stack<Exception>();
        pending.Push(exception);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is not null)
            {
                pending.Push(current.InnerException);
            }
        }
    }
}
