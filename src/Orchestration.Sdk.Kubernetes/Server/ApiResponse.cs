using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Orchestration.Sdk.Kubernetes.Server;

/// <summary>Writes JSON responses: wire objects through <see cref="Wire.WireJson"/>, hand-built documents through a writer.</summary>
internal static class ApiResponse
{
    public const string Json = "application/json";

    public static Task ObjectAsync(HttpContext context, int code, object wire, CancellationToken cancellationToken) =>
        TextAsync(context, code, Wire.WireJson.Serialize(wire), Json, cancellationToken);

    public static Task StatusAsync(HttpContext context, ApiError error, CancellationToken cancellationToken) =>
        TextAsync(context, error.Code, error.ToStatusJson(), Json, cancellationToken);

    public static async Task DocumentAsync(HttpContext context, int code, Action<Utf8JsonWriter> write, string contentType, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        context.Response.StatusCode = code;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(context.Response.Body, cancellationToken).ConfigureAwait(false);
    }

    public static async Task TextAsync(HttpContext context, int code, string text, string contentType, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        context.Response.StatusCode = code;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
    }
}
