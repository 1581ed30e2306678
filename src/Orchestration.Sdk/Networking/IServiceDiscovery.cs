using Microsoft.Extensions.Primitives;

namespace Orchestration.Sdk.Networking;

/// <summary>
/// Resolves a service name to the Ready pods behind it, in the host application (on any runtime, the in-memory one
/// included: the addresses are pod IPs). A name is <c>"web"</c> (namespace "default") or <c>"web.shop"</c> (namespace
/// "shop"); a trailing <c>".svc"</c> or <c>".svc.cluster.local"</c> is ignored. Registered by <c>AddOrchestration</c>.
/// </summary>
public interface IServiceDiscovery
{
    /// <summary>The service's Ready endpoints now, ordered by pod name; empty when the service does not exist or no pod is Ready.</summary>
    /// <param name="serviceName">The service's name.</param>
    /// <param name="portName">The service port's name. <value>The default value is null (the service's first port).</value></param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The endpoints.</returns>
    ValueTask<IReadOnlyList<ResolvedEndpoint>> ResolveAsync(string serviceName, string? portName = null, CancellationToken cancellationToken = default);

    /// <summary>One Ready endpoint, chosen round-robin per service; null when there is none.</summary>
    /// <param name="serviceName">The service's name.</param>
    /// <param name="portName">The service port's name. <value>The default value is null (the service's first port).</value></param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The endpoint, or null.</returns>
    ValueTask<ResolvedEndpoint?> PickAsync(string serviceName, string? portName = null, CancellationToken cancellationToken = default);

    /// <summary>A token that fires once the service or its endpoints change after this call (for caches such as Microsoft.Extensions.ServiceDiscovery).</summary>
    /// <param name="serviceName">The service's name.</param>
    /// <returns>The change token.</returns>
    IChangeToken GetChangeToken(string serviceName);
}
