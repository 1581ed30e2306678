using Microsoft.Extensions.DependencyInjection.Extensions;
using Orchestration.Sdk.Autoscaling;
using Orchestration.Sdk.Hosting;

#pragma warning disable IDE0130 // DI registration extensions live in the namespace of IServiceCollection, by convention.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the horizontal pod autoscaler and the host's custom metric sources.</summary>
public static class AutoscalingServiceCollectionExtensions
{
    /// <summary>
    /// Registers a custom metric that autoscalers refer to by <paramref name="name"/> (for example a queue's length,
    /// returned with <see cref="MetricSample.ForTotal"/>, or requests per second per pod with <see cref="MetricSample.ForPods"/>).
    /// </summary>
    /// <param name="builder">The orchestration builder.</param>
    /// <param name="name">The metric's name.</param>
    /// <param name="read">Reads the metric; an exception skips the autoscaler's decision and is reported on its status.</param>
    /// <returns>The builder.</returns>
    public static IOrchestrationBuilder AddMetricSource(
        this IOrchestrationBuilder builder, string name, Func<MetricContext, CancellationToken, ValueTask<MetricSample>> read)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(read);
        builder.Services.AddSingleton<IMetricSource>(new DelegateMetricSource(name, read));
        return builder;
    }

    /// <summary>Registers a custom metric source.</summary>
    /// <param name="builder">The orchestration builder.</param>
    /// <param name="source">The source; autoscalers refer to it by its <see cref="IMetricSource.Name"/>.</param>
    /// <returns>The builder.</returns>
    public static IOrchestrationBuilder AddMetricSource(this IOrchestrationBuilder builder, IMetricSource source)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(source);
        builder.Services.AddSingleton(source);
        return builder;
    }

    /// <summary>The autoscaler's services; called once by <c>AddOrchestration</c>. Every registration uses TryAdd.</summary>
    internal static IServiceCollection AddAutoscaling(this IServiceCollection services)
    {
        services.TryAddSingleton<InMemoryMetrics>();
        services.TryAddSingleton<IPodMetricsProvider>(sp => sp.GetRequiredService<InMemoryMetrics>());
        services.TryAddSingleton<AutoscalerEvents>();
        services.TryAddSingleton<MetricEvaluator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IClusterComponent, HorizontalPodAutoscalerController>());
        return services;
    }
}
