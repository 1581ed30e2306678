using Microsoft.Extensions.DependencyInjection.Extensions;
using Orchestration.Sdk.Hosting;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Runtime.InMemory;

#pragma warning disable IDE0130 // DI registration extensions live in the namespace of IServiceCollection, by convention.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Chooses the in-memory runtime: simulated nodes, for tests and demos.</summary>
public static class InMemoryRuntimeExtensions
{
    /// <summary>
    /// Runs pods on simulated nodes. <paramref name="nodes"/> adds them, e.g. <c>nodes => nodes.Add("n1", cpu: 4, memory: "8Gi")</c>;
    /// the <see cref="InMemoryCluster"/> is registered as a singleton, so tests can inject faults through it.
    /// </summary>
    /// <param name="builder">The orchestration builder.</param>
    /// <param name="nodes">Adds the nodes. <value>The default value is null: one node "node-1" with 4 CPUs and 8Gi.</value></param>
    /// <returns>The builder.</returns>
    public static IOrchestrationBuilder UseInMemoryRuntime(this IOrchestrationBuilder builder, Action<InMemoryCluster>? nodes = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(sp =>
        {
            var cluster = new InMemoryCluster(sp.GetRequiredService<TimeProvider>());
            (nodes ?? (n => n.Add("node-1")))(cluster);
            return cluster;
        });
        builder.Services.Replace(ServiceDescriptor.Singleton<INodeProvider>(sp => sp.GetRequiredService<InMemoryCluster>()));
        return builder;
    }
}
