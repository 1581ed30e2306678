using k8s.Models;

namespace Orchestration.Sdk.Kubernetes.Patching;

/// <summary>
/// A patch that could not be applied, carrying the HTTP code and the Kubernetes <c>Status</c> reason kube-apiserver
/// answers with: 415 <c>UnsupportedMediaType</c> for an unknown patch type, 400 <c>BadRequest</c> for a malformed
/// patch, 422 <c>Invalid</c> for a patch that does not apply (a failed JSON patch <c>test</c>, a missing path).
/// </summary>
public sealed class KubernetesPatchException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">The HTTP status code.</param>
    /// <param name="reason">The Kubernetes <c>Status</c> reason (<c>BadRequest</c>, <c>Invalid</c>, …).</param>
    /// <param name="message">The message, as kube-apiserver words it.</param>
    /// <param name="innerException">The error that caused it, if any.</param>
    public KubernetesPatchException(int code, string reason, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        Code = code;
        Reason = reason;
    }

    /// <summary>The HTTP status code: 400, 415 or 422.</summary>
    public int Code { get; }

    /// <summary>The Kubernetes <c>Status</c> reason: <c>BadRequest</c>, <c>UnsupportedMediaType</c> or <c>Invalid</c>.</summary>
    public string Reason { get; }

    /// <summary>The failure as a Kubernetes <c>Status</c> object, ready to write as the response body.</summary>
    /// <returns>A <c>Status</c> with <c>status: Failure</c>, the code, the reason and the message.</returns>
    public V1Status ToStatus() => new()
    {
        ApiVersion = "v1",
        Kind = "Status",
        Status = "Failure",
        Code = Code,
        Reason = Reason,
        Message = Message,
        Metadata = new V1ListMeta(),
    };

    internal static KubernetesPatchException BadRequest(string message, Exception? inner = null) =>
        new(400, "BadRequest", message, inner);

    internal static KubernetesPatchException Unprocessable(string message, Exception? inner = null) =>
        new(422, "Invalid", message, inner);
}
