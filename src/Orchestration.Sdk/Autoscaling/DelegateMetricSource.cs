namespace Orchestration.Sdk.Autoscaling;

/// <summary>An <see cref="IMetricSource"/> over a delegate.</summary>
internal sealed class DelegateMetricSource(string name, Func<MetricContext, CancellationToken, ValueTask<MetricSample>> read) : IMetricSource
{
    public string Name { get; } = name;

    public ValueTask<MetricSample> GetAsync(MetricContext context, CancellationToken cancellationToken) => read(context, cancellationToken);
}
