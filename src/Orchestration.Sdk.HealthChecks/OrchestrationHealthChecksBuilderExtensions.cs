using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orchestration.Sdk.Diagnostics;

#pragma warning disable IDE0130 // DI registration extensions live in the namespace of IServiceCollection, by convention.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the orchestration health check on the host's health checks.</summary>
public static class OrchestrationHealthChecksBuilderExtensions
{
    /// <summary>The name the check is registered under unless another is given: "orchestration".</summary>
    public const string DefaultName = "orchestration";

    /// <summary>
    /// Adds a health check over the cluster that <c>AddOrchestration</c> runs. It reports
    /// <see cref="HealthStatus.Unhealthy"/> (or <paramref name="failureStatus"/>) when a deployment is not available
    /// (Available=False) or exceeded its progress deadline (Progressing=False, reason ProgressDeadlineExceeded);
    /// <see cref="HealthStatus.Degraded"/> when a pod's container is in CrashLoopBackOff or a pod is unschedulable
    /// (PodScheduled=False, reason Unschedulable); <see cref="HealthStatus.Healthy"/> otherwise. The description names
    /// each deployment and pod ("namespace/name") with its reason. Every namespace is checked.
    /// </summary>
    /// <param name="builder">The health checks builder (<c>services.AddHealthChecks()</c>).</param>
    /// <param name="name">The check's name. <value>The default value is "orchestration" (<see cref="DefaultName"/>).</value></param>
    /// <param name="failureStatus">The status reported for an unavailable deployment. <value>The default value is null (<see cref="HealthStatus.Unhealthy"/>).</value></param>
    /// <param name="tags">Tags to filter the check by (for example "ready"). <value>The default value is null (none).</value></param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public static IHealthChecksBuilder AddOrchestrationHealthChecks(
        this IHealthChecksBuilder builder,
        string name = DefaultName,
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        builder.Services.TryAddSingleton<OrchestrationHealthCheck>();
        return builder.Add(new HealthCheckRegistration(
            name,
            sp => sp.GetRequiredService<OrchestrationHealthCheck>(),
            failureStatus,
            tags));
    }
}
