using System.Diagnostics;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Diagnostics;

/// <summary>
/// The SDK's spans, on <see cref="OrchestrationTelemetry.ActivitySourceName"/>. Work that an object's change causes
/// (a reconcile, a scheduling attempt, a pod sync) starts a new trace that links to the context stored on the object
/// (<see cref="TraceContextAnnotation"/>); a runtime call is a child of the pod sync that makes it. Every method
/// returns null, at the cost of one check, while nobody listens.
/// </summary>
internal static class OrchestrationActivities
{
    public static readonly ActivitySource Source = new(
        OrchestrationTelemetry.ActivitySourceName, typeof(OrchestrationActivities).Assembly.GetName().Version?.ToString());

    /// <summary>"apply {kind}": one object applied (created, or merged and updated).</summary>
    public static Activity? StartApply(Resource resource)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var activity = Source.StartActivity("apply " + resource.Kind);
        if (activity is { IsAllDataRequested: true })
        {
            K8sAttributes.Tag(activity, resource.Kind, resource.Metadata.Namespace, resource.Metadata.Name);
        }

        return activity;
    }

    /// <summary>"apply": a whole declaration, the parent of one "apply {kind}" per object.</summary>
    public static Activity? StartApplyDeclaration(int objects)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var activity = Source.StartActivity("apply");
        activity?.SetTag("orchestration.apply.objects", objects);
        return activity;
    }

    /// <summary>"reconcile {controller}": one reconcile of <paramref name="key"/>, linked to the context stored on <paramref name="obj"/>.</summary>
    public static Activity? StartReconcile(string controller, ObjectKey key, Resource? obj)
    {
        var activity = StartLinked("reconcile " + controller, obj, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(K8sAttributes.Controller, controller);
            K8sAttributes.Tag(activity, key.Kind, key.Namespace, key.Name, obj?.Metadata.Uid);
        }

        return activity;
    }

    /// <summary>"schedule pod": one scheduling attempt of the pod, linked to the context stored on it.</summary>
    public static Activity? StartSchedulingAttempt(Pod pod)
    {
        var activity = StartLinked("schedule pod", pod, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            K8sAttributes.Tag(activity, Pod.KindName, pod.Metadata.Namespace, pod.Metadata.Name, pod.Metadata.Uid);
        }

        return activity;
    }

    /// <summary>"sync pod": one sync of a pod by its node's agent, linked to the context stored on the pod.</summary>
    public static Activity? StartPodSync(Pod? pod, ObjectKey key, string uid, string node)
    {
        var activity = StartLinked("sync pod", pod, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            K8sAttributes.Tag(activity, Pod.KindName, key.Namespace, key.Name, uid);
            activity.SetTag(K8sAttributes.NodeName, node);
        }

        return activity;
    }

    /// <summary>"runtime {operation}": one call of the container runtime, a child of the current span (the pod sync).</summary>
    public static Activity? StartRuntimeCall(string operation, string node, string? container)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var activity = Source.StartActivity("runtime " + operation, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(K8sAttributes.RuntimeOperation, operation);
            activity.SetTag(K8sAttributes.NodeName, node);
            if (container is not null)
            {
                activity.SetTag(K8sAttributes.ContainerName, container);
            }
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
        activity.SetTag(K8sAttributes.ErrorType, exception.GetType().FullName);
    }

    /// <summary>A new root span (its cause is linked, not its parent: a cause's trace would otherwise grow with every resync).</summary>
    private static Activity? StartLinked(string name, Resource? cause, ActivityKind kind)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        Activity.Current = null;
        ActivityLink[]? links = TraceContextAnnotation.TryRead(cause, out var context) ? [new ActivityLink(context)] : null;
        return Source.StartActivity(kind, parentContext: default, tags: null, links: links, name: name);
    }
}
