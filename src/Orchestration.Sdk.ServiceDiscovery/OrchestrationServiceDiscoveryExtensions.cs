using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.ServiceDiscovery;
using Orchestration.Sdk.ServiceDiscovery;

#pragma warning disable IDE0130 // DI registration extensions live in the namespace of IServiceCollection, by convention.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Connects Microsoft.Extensions.ServiceDiscovery to the orchestrator's services.</summary>
public static class OrchestrationServiceDiscoveryExtensions
{
    /// <summary>
    /// Adds service discovery's core and pass-through provider (<c>AddServiceDiscoveryCore</c>,
    /// <c>AddPassThroughServiceEndpointProvider</c>; call <c>AddServiceDiscovery</c> as well for the configuration
    /// provider, which needs an <c>IConfiguration</c>) and a provider that resolves a service name to its Ready pods, so an <c>HttpClient</c> configured with <c>.AddServiceDiscovery()</c>
    /// calls <c>http://web</c> round-robin over them. <c>http://_metrics.web</c> selects the service port named "metrics";
    /// without a port name the service's first port is used. Call it next to <c>AddOrchestration</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddOrchestrationServiceDiscovery(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddServiceDiscoveryCore();
        services.AddPassThroughServiceEndpointProvider();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IServiceEndpointProviderFactory, OrchestrationServiceEndpointProviderFactory>());
        return services;
    }
}
