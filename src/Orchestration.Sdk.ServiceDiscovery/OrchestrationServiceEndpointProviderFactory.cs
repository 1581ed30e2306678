using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.ServiceDiscovery;
using Orchestration.Sdk.Networking;

namespace Orchestration.Sdk.ServiceDiscovery;

/// <summary>
/// Creates a provider for every query: a name the orchestrator does not know simply yields no endpoints, so the other
/// providers (configuration, pass-through) still apply.
/// </summary>
internal sealed class OrchestrationServiceEndpointProviderFactory(IServiceDiscovery discovery) : IServiceEndpointProviderFactory
{
    public bool TryCreateProvider(ServiceEndpointQuery query, [NotNullWhen(true)] out IServiceEndpointProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(query);
        provider = new OrchestrationServiceEndpointProvider(discovery, query.ServiceName, query.EndpointName);
        return true;
    }
}
