namespace Orchestration.Sdk.Autoscaling;

/// <summary>
/// Supplies a custom metric (queue length, requests per second …) to autoscalers that name it. Register one with
/// <c>AddMetricSource</c> on the orchestration builder; an autoscaler's custom metric refers to it by <see cref="Name"/>.
/// An exception skips the autoscaler's decision for that sync: the deployment is not touched and the autoscaler's
/// ScalingActive condition turns False with the error.
/// </summary>
public interface IMetricSource
{
    /// <summary>The metric's name, as autoscalers refer to it.</summary>
    string Name { get; }

    /// <summary>Reads the metric for one autoscaler's target.</summary>
    /// <param name="context">The autoscaler, its deployment and the deployment's pods.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One value per pod, or a total.</returns>
    ValueTask<MetricSample> GetAsync(MetricContext context, CancellationToken cancellationToken);
}
