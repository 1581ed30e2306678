using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestration.Sdk.Autoscaling;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker.Metrics;

/// <summary>Makes the autoscaler read CPU and memory from the engine's statistics when the node is the Docker engine.</summary>
internal static class DockerMetricsServiceCollectionExtensions
{
    /// <summary>
    /// Replaces the <see cref="IPodMetricsProvider"/> (AddOrchestration only TryAdds the in-memory one, so the order of
    /// the two calls does not matter). When the resolved node provider is not Docker's (another runtime was chosen
    /// afterwards), the in-memory metrics stay in use.
    /// </summary>
    public static IServiceCollection AddDockerPodMetrics(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Replace(ServiceDescriptor.Singleton<IPodMetricsProvider>(sp =>
            sp.GetRequiredService<INodeProvider>() is DockerNodeProvider docker
                ? new DockerPodMetrics(
                    docker.Runtimes.Count == 1 ? docker.Runtime.Stats : new DockerStatsAcrossEngines([.. docker.Runtimes.Select(r => r.Stats)]),
                    sp.GetRequiredService<TimeProvider>(),
                    (sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<DockerPodMetrics>())
                : sp.GetService<InMemoryMetrics>() ?? new InMemoryMetrics()));
        return services;
    }
}
