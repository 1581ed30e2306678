using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orchestration.Sdk.Hosting;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Runtime.NodeAgents;

namespace Orchestration.Sdk.Extensibility.Tests;

/// <summary>How a runtime package plugs in: one extension method on the builder <c>AddOrchestration</c> returns.</summary>
internal static class TinyRuntimeExtensions
{
    public static IOrchestrationBuilder UseTinyRuntime(this IOrchestrationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.Replace(ServiceDescriptor.Singleton<INodeProvider>(sp => new TinyNodeProvider(sp.GetRequiredService<TimeProvider>())));
        builder.Services.TryAddSingleton<TinyLifecycle>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IRuntimeLifecycle, TinyLifecycle>(sp => sp.GetRequiredService<TinyLifecycle>()));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IPodTerminationGate, TinyLifecycle>(sp => sp.GetRequiredService<TinyLifecycle>()));
        return builder;
    }
}
