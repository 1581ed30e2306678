using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Runtime.Streams;

namespace Orchestration.Sdk.Kubernetes.Streams;

/// <summary>
/// The Kubernetes <c>Status</c> objects of the streaming subresources, as HTTP errors and on the error channel.
/// Written as JSON nodes: KubernetesClient's <c>V1Status</c> converter reads but does not write.
/// </summary>
internal static class StreamStatus
{
    /// <summary>What the exec error channel carries when the command exited 0.</summary>
    public static byte[] Success() => Encode(new JsonObject { ["metadata"] = new JsonObject(), ["status"] = "Success" });

    /// <summary>What it carries for another exit code; kubectl exits with that code.</summary>
    public static byte[] NonZeroExit(IReadOnlyList<string> command, long exitCode) => Encode(new JsonObject
    {
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = $"command terminated with non-zero exit code: error executing command [{string.Join(' ', command)}], exit code {exitCode}",
        ["reason"] = "NonZeroExitCode",
        ["details"] = new JsonObject
        {
            ["causes"] = new JsonArray(new JsonObject { ["reason"] = "ExitCode", ["message"] = exitCode.ToString(CultureInfo.InvariantCulture) }),
        },
    });

    /// <summary>An error that ended the stream after it had started.</summary>
    public static byte[] Internal(string message) => Encode(Failure(500, "InternalError", message));

    /// <summary>Writes a failure as the HTTP response (before any upgrade or output).</summary>
    public static Task WriteAsync(HttpContext context, int code, string reason, string message)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(Failure(code, reason, message).ToJsonString(), context.RequestAborted);
    }

    /// <summary>Writes the HTTP error an exception of <see cref="IPodStreams"/> maps to.</summary>
    public static Task WriteErrorAsync(HttpContext context, Exception exception)
    {
        var (code, reason) = exception switch
        {
            NotFoundException => (404, "NotFound"),
            ContainerRuntimeException { Reason: "NotFound" } => (404, "NotFound"),
            ContainerRuntimeException => (500, "InternalError"),
            _ => (400, "BadRequest"),
        };
        return context.Response.HasStarted ? Task.CompletedTask : WriteAsync(context, code, reason, exception.Message);
    }

    private static JsonObject Failure(int code, string reason, string message) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = message,
        ["reason"] = reason,
        ["code"] = code,
    };

    private static byte[] Encode(JsonObject status) => System.Text.Encoding.UTF8.GetBytes(status.ToJsonString());
}
