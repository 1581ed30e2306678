using System.Net;
using Microsoft.Extensions.ServiceDiscovery;
using Orchestration.Sdk.Networking;

namespace Orchestration.Sdk.ServiceDiscovery;

/// <summary>
/// Adds a service's Ready pods (pod IP and resolved container port) to the endpoint list, and a change token that
/// fires when the service's endpoints change, so the resolver refreshes at once rather than on its polling period.
/// The endpoint name of a query (<c>http://_metrics.web</c>) selects the service port of that name.
/// </summary>
internal sealed class OrchestrationServiceEndpointProvider(IServiceDiscovery discovery, string serviceName, string? endpointName) : IServiceEndpointProvider
{
    public async ValueTask PopulateAsync(IServiceEndpointBuilder endpoints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.AddChangeToken(discovery.GetChangeToken(serviceName));
        foreach (var endpoint in await discovery.ResolveAsync(serviceName, endpointName, cancellationToken).ConfigureAwait(false))
        {
            if (IPAddress.TryParse(endpoint.Address, out var address))
            {
                endpoints.Endpoints.Add(ServiceEndpoint.Create(new IPEndPoint(address, endpoint.Port)));
            }
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public override string ToString() => $"Orchestration.Sdk service {serviceName}";
}
