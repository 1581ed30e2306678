using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orchestration.Sdk;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Controllers.Deployments;
using Orchestration.Sdk.Controllers.Engine;
using Orchestration.Sdk.Controllers.GarbageCollection;
using Orchestration.Sdk.Controllers.NodeLifecycle;
using Orchestration.Sdk.Controllers.ReplicaSets;
using Orchestration.Sdk.Events;
using Orchestration.Sdk.Hosting;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Scheduling;
using Orchestration.Sdk.Store;
using Orchestration.Sdk.Runtime.NodeAgents;

#pragma warning disable IDE0130 // DI registration extensions live in the namespace of IServiceCollection, by convention.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the orchestrator in a service collection.</summary>
public static class OrchestrationServiceCollectionExtensions
{
    /// <summary>
    /// Adds the orchestrator: the kinds (a <see cref="Orchestration.Sdk.Kinds.KindRegistry"/> with the built-in kinds), the store, the controllers, the scheduler, the node agents, the imperative
    /// <see cref="IOrchestrationClient"/> and a hosted service that validates <paramref name="declare"/>'s declaration,
    /// starts the control loop and applies it. The shared informers (<see cref="Orchestration.Sdk.Informers.ISharedInformerFactory"/>) and the low-level <see cref="IResourceClient"/> are registered too. Every registration uses TryAdd, so a service registered earlier wins.
    /// Choose a runtime on the returned builder (<c>UseInMemoryRuntime</c> or <c>UseDocker</c>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="declare">Declares the app's desired objects. <value>The default value is null (nothing declared; use the client).</value></param>
    /// <returns>A builder to choose the runtime and options.</returns>
    public static IOrchestrationBuilder AddOrchestration(this IServiceCollection services, Action<AppDeclaration>? declare = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions();
        AddOptionValidators(services);
        // Logging is the host's (every Host builder adds it); without one, loggers log nowhere. No AddLogging(): that is the implementation package.
        services.TryAdd(ServiceDescriptor.Singleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(HostLogger<>)));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var kinds = Orchestration.Sdk.Kinds.KindRegistry.CreateDefault();
            foreach (var custom in sp.GetServices<Orchestration.Sdk.Kinds.Custom.CustomKindRegistration>())
            {
                kinds.Register(custom.Rule);
            }

            return kinds;
        });
        services.TryAddSingleton(sp => new ResourceStore(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<StoreOptions>>(), sp.GetRequiredService<Orchestration.Sdk.Kinds.KindRegistry>()).WithTransformers(sp.GetServices<IStoredObjectTransformer>()));
        services.TryAddSingleton<Orchestration.Sdk.Secrets.ISecretKeyProvider, Orchestration.Sdk.Secrets.DefaultSecretKeyProvider>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStoredObjectTransformer, Orchestration.Sdk.Secrets.AesGcmSecretTransformer>());
        services.TryAddSingleton<Orchestration.Sdk.Informers.SharedInformerFactory>();
        services.TryAddSingleton<Orchestration.Sdk.Informers.ISharedInformerFactory>(sp => sp.GetRequiredService<Orchestration.Sdk.Informers.SharedInformerFactory>());
        services.TryAddSingleton<IResourceClient, ResourceClient>();
        services.TryAddSingleton(sp => new Orchestration.Sdk.Diagnostics.OrchestrationMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IClusterComponent, Orchestration.Sdk.Diagnostics.ClusterStateMetrics>());
        services.TryAddSingleton<NodeAgentManager>();
        services.TryAddSingleton<Orchestration.Sdk.Runtime.Streams.IPodStreams, Orchestration.Sdk.Runtime.Streams.PodStreams>();
        services.TryAddSingleton<IOrchestrationClient, OrchestrationClient>();
        services.TryAddSingleton<IRolloutClient, RolloutClient>();
        services.TryAddSingleton<Orchestration.Sdk.Networking.IServiceDiscovery, Orchestration.Sdk.Networking.ServiceDiscovery>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IClusterComponent, DeploymentController>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IClusterComponent, ReplicaSetController>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IClusterComponent, GarbageCollector>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IClusterComponent, Scheduler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IClusterComponent, NodeLifecycleController>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IClusterComponent, Orchestration.Sdk.Storage.LocalVolumeProvisioner>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IClusterComponent, Orchestration.Sdk.StatefulSets.StatefulSetController>());
        services.AddAutoscaling();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IClusterComponent, Orchestration.Sdk.Controllers.Jobs.JobController>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IClusterComponent, Orchestration.Sdk.Controllers.CronJobs.CronJobController>());
        services.AddEvents();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IClusterComponent, Orchestration.Sdk.Networking.EndpointsController>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Orchestration.Sdk.Runtime.NodeAgents.IPodTerminationGate, Orchestration.Sdk.Networking.EndpointsDrainGate>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IClusterComponent, NodeAgentManager>(sp => sp.GetRequiredService<NodeAgentManager>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IClusterComponent, Orchestration.Sdk.Configuration.ConfigChangeWatcher>());
        services.TryAddSingleton<OrchestrationRunner>();
        services.AddHostedService<OrchestrationHostedService>();
        if (declare is not null)
        {
            services.AddSingleton(new DeclarationSource(declare));
        }

        return new OrchestrationBuilder(services);
    }

    /// <summary>Every options class of the core, validated when the host starts.</summary>
    private static void AddOptionValidators(IServiceCollection services)
    {
        services.AddValidatedOptions<StoreOptions, StoreOptionsValidator>();
        services.AddValidatedOptions<ControllerOptions, ControllerOptionsValidator>();
        services.AddValidatedOptions<NodeLifecycleOptions, NodeLifecycleOptionsValidator>();
        services.AddValidatedOptions<NodeAgentOptions, NodeAgentOptionsValidator>();
        services.AddValidatedOptions<SchedulerOptions, SchedulerOptionsValidator>();
        services.AddValidatedOptions<Orchestration.Sdk.Autoscaling.AutoscalerOptions, Orchestration.Sdk.Autoscaling.AutoscalerOptionsValidator>();
        services.AddValidatedOptions<Orchestration.Sdk.Secrets.SecretEncryptionOptions, Orchestration.Sdk.Secrets.SecretEncryptionOptionsValidator>();
        services.AddValidatedOptions<Orchestration.Sdk.Networking.Proxy.ServiceProxyOptions, Orchestration.Sdk.Networking.Proxy.ServiceProxyOptionsValidator>();
    }
}
