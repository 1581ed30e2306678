using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orchestration.Sdk.Hosting;
using Orchestration.Sdk.Networking;
using Orchestration.Sdk.Networking.Proxy;
using Orchestration.Sdk.Runtime.NodeAgents;

#pragma warning disable IDE0130 // DI registration extensions live in the namespace of IServiceCollection, by convention.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Turns on the in-process service proxy for a runtime without virtual cluster IPs (the extension point a runtime
/// package such as Orchestration.Sdk.Docker calls from its own <c>Use…</c> method).
/// </summary>
public static class ServiceProxyExtensions
{
    /// <summary>
    /// Runs the service proxy over <typeparamref name="TServiceNetwork"/>: every service gets
    /// <see cref="IServiceNetwork.GetServiceAddressAsync"/> as its cluster IP, the proxy listens there on each service
    /// port (and on <see cref="ServiceProxyOptions.HostAddress"/> on each host port), sends each connection to a ready
    /// endpoint, keeps the pods' hosts files naming every service, and holds a terminating pod's SIGTERM until its
    /// connections are finished. Host ports the orchestrator picks are ones free on that address. Calling it again
    /// keeps the first network and adds <paramref name="configure"/> to the options.
    /// </summary>
    /// <typeparam name="TServiceNetwork">The runtime's service network (resolved from the container, as a singleton).</typeparam>
    /// <param name="builder">The orchestration builder.</param>
    /// <param name="configure">Configures the proxy. <value>The default value is null: the defaults of <see cref="ServiceProxyOptions"/>.</value></param>
    /// <returns>The builder, for chaining.</returns>
    public static IOrchestrationBuilder UseServiceProxy<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TServiceNetwork>(this IOrchestrationBuilder builder, Action<ServiceProxyOptions>? configure = null)
        where TServiceNetwork : class, IServiceNetwork
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<ServiceProxyOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        var services = builder.Services;
        services.TryAddSingleton<IServiceNetwork, TServiceNetwork>();
        services.TryAddSingleton<ProxyHostPorts>();
        services.TryAddSingleton<ServiceProxy>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IClusterComponent, ServiceProxy>(sp => sp.GetRequiredService<ServiceProxy>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPodTerminationGate, ServiceProxy>(sp => sp.GetRequiredService<ServiceProxy>()));
        return builder;
    }
}
