using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orchestration.Sdk.Hosting;
using Orchestration.Sdk.Networking;
using Orchestration.Sdk.Networking.Proxy;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Runtime.NodeAgents;

namespace Orchestration.Sdk.Docker;

/// <summary>Services on Docker: the gateway-address service network and the in-process service proxy.</summary>
internal static class DockerServiceProxyRegistration
{
    public static void AddDockerServiceProxy(this IServiceCollection services)
    {
        services.AddOptions<ServiceProxyOptions>();
        services.TryAddSingleton<IServiceNetwork, DockerServiceNetwork>();
        services.TryAddSingleton<ServiceProxy>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IClusterComponent, ServiceProxy>(sp => sp.GetRequiredService<ServiceProxy>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPodTerminationGate, ServiceProxy>(sp => sp.GetRequiredService<ServiceProxy>()));
    }
}
