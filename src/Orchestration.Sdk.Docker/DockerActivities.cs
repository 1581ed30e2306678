using System.Diagnostics;
using Orchestration.Sdk.Diagnostics;

namespace Orchestration.Sdk.Docker;

/// <summary>
/// The Docker runtime's spans, on the SDK's source (<see cref="OrchestrationTelemetry.ActivitySourceName"/>): one
/// "docker {operation}" client span per Engine API call, children of the node agent's "runtime {operation}" span.
/// Null, at the cost of one check, while nobody listens.
/// </summary>
internal static class DockerActivities
{
    public const string OperationTag = "orchestration.runtime.operation";
    public const string EndpointTag = "orchestration.docker.endpoint";
    public const string AttemptsTag = "orchestration.docker.attempts";

    public static readonly ActivitySource Source = new(
        OrchestrationTelemetry.ActivitySourceName, typeof(DockerActivities).Assembly.GetName().Version?.ToString());

    /// <summary>Starts the span of one Engine call ("create container", "inspect network").</summary>
    public static Activity? StartCall(string operation, Uri endpoint)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var activity = Source.StartActivity("docker " + operation, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(OperationTag, operation);
            activity.SetTag(EndpointTag, endpoint.ToString());
        }

        return activity;
    }

    /// <summary>Marks the span failed with the exception's type (error.type) and message.</summary>
    public static void Fail(Activity? activity, Exception exception)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetStatus(ActivityStatusCode.Error, exception.Message);
        activity.SetTag("error.type", exception.GetType().FullName);
    }
}
