using System.Globalization;
using System.Text;
using System.Text.Json;
using k8s.Models;
using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Kubernetes.Discovery;

namespace Orchestration.Sdk.Kubernetes.Server;

/// <summary>An error the API answers with a Kubernetes <c>Status</c> object.</summary>
internal sealed class ApiError : Exception
{
    public ApiError(int code, string reason, string message, V1StatusDetails? details = null)
        : base(message)
    {
        Code = code;
        Reason = reason;
        Details = details;
    }

    public ApiError()
        : this(500, "InternalError", "internal error")
    {
    }

    public ApiError(string message)
        : this(500, "InternalError", message)
    {
    }

    public ApiError(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = 500;
        Reason = "InternalError";
    }

    public int Code { get; }

    public string Reason { get; }

    public V1StatusDetails? Details { get; }

    /// <summary>
    /// The Status object as JSON. Written by hand: the KubernetesClient package reads a V1Status but its converter
    /// cannot write one.
    /// </summary>
    public string ToStatusJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("kind", "Status");
            w.WriteString("apiVersion", "v1");
            w.WriteStartObject("metadata");
            w.WriteEndObject();
            w.WriteString("status", "Failure");
            w.WriteString("message", Message);
            w.WriteString("reason", Reason);
            if (Details is { } d)
            {
                w.WriteStartObject("details");
                Optional(w, "name", d.Name);
                Optional(w, "group", d.Group);
                Optional(w, "kind", d.Kind);
                if (d.Causes is { Count: > 0 } causes)
                {
                    w.WriteStartArray("causes");
                    foreach (var c in causes)
                    {
                        w.WriteStartObject();
                        Optional(w, "reason", c.Reason);
                        Optional(w, "message", c.Message);
                        Optional(w, "field", c.Field);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                }

                w.WriteEndObject();
            }

            w.WriteNumber("code", Code);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Optional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    public static ApiError NotFound(ApiKind kind, string name) =>
        new(404, "NotFound", $"{kind.QualifiedResource} \"{name}\" not found", DetailsOf(kind, name));

    public static ApiError AlreadyExists(ApiKind kind, string name) =>
        new(409, "AlreadyExists", $"{kind.QualifiedResource} \"{name}\" already exists", DetailsOf(kind, name));

    public static ApiError Conflict(ApiKind kind, string name) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {kind.QualifiedResource} \"{name}\": the object has been modified; please apply your changes to the latest version and try again", DetailsOf(kind, name));

    public static ApiError BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiError MethodNotAllowed(string message) => new(405, "MethodNotAllowed", message);

    public static ApiError Unauthorized() => new(401, "Unauthorized", "Unauthorized");

    public static ApiError Forbidden(string verb, ApiKind? kind, string? ns) =>
        new(403, "Forbidden", $"{(kind is null ? "this request" : kind.QualifiedResource)} is forbidden: the read-only token cannot {verb}{(kind is null ? string.Empty : $" resource \"{kind.Plural}\" in API group \"{kind.Group}\"")}{(string.IsNullOrEmpty(ns) ? string.Empty : $" in the namespace \"{ns}\"")}");

    public static ApiError Expired(string message) => new(410, "Expired", message);

    /// <summary>422 Invalid with one cause per field error, so kubectl prints <c>The Deployment "web" is invalid: spec.replicas: …</c>.</summary>
    public static ApiError Invalid(ApiKind kind, string name, IEnumerable<(string Field, string Message)> errors)
    {
        var causes = errors.Select(e => new V1StatusCause { Field = e.Field, Message = e.Message, Reason = Cause(e.Message) }).ToList();
        var text = string.Join(", ", causes.Select(c => $"{c.Field}: {c.Message}"));
        return new(422, "Invalid", $"{kind.QualifiedKind} \"{name}\" is invalid: {(causes.Count > 1 ? $"[{text}]" : text)}",
            new V1StatusDetails { Name = name, Group = kind.Group, Kind = kind.Kind, Causes = causes });
    }

    /// <summary>The SDK's validation errors, with the object prefix (<c>deployments[web].</c>) taken off their paths.</summary>
    public static ApiError Invalid(ApiKind kind, string name, IEnumerable<ValidationError> errors) =>
        Invalid(kind, name, errors.Select(e => (Field(e.Field), e.Message)));

    public static ApiError StrictDecoding(IReadOnlyList<string> unknown) =>
        BadRequest("strict decoding error: " + string.Join(", ", unknown.Select(f => $"unknown field \"{f}\"")));

    private static string Field(string path)
    {
        var close = path.IndexOf("].", StringComparison.Ordinal);
        return close >= 0 && path.IndexOf('[', StringComparison.Ordinal) < close ? path[(close + 2)..] : path;
    }

    private static string Cause(string message) => message switch
    {
        _ when message.StartsWith("Required value", StringComparison.Ordinal) => "FieldValueRequired",
        _ when message.StartsWith("Duplicate value", StringComparison.Ordinal) => "FieldValueDuplicate",
        _ when message.StartsWith("Unsupported value", StringComparison.Ordinal) => "FieldValueNotSupported",
        _ when message.StartsWith("Forbidden", StringComparison.Ordinal) => "FieldValueForbidden",
        _ when message.StartsWith("Too long", StringComparison.Ordinal) => "FieldValueTooLong",
        _ => "FieldValueInvalid",
    };

    private static V1StatusDetails DetailsOf(ApiKind kind, string name) =>
        new() { Name = name, Group = kind.Group, Kind = kind.Plural };

    /// <summary>The HTTP status code as text, for logs.</summary>
    public string CodeText => Code.ToString(CultureInfo.InvariantCulture);
}
