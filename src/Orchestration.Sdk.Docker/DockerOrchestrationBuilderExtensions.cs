using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orchestration.Sdk.Docker;
using Orchestration.Sdk.Docker.Metrics;
using Orchestration.Sdk.Hosting;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Store;
using Orchestration.Sdk.Runtime.NodeAgents;

#pragma warning disable IDE0130 // DI registration extensions live in the namespace of IServiceCollection, by convention.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Runs the orchestrator's pods as real containers on a Docker engine.</summary>
public static class DockerOrchestrationBuilderExtensions
{
    /// <summary>
    /// Uses the Docker engine (<c>DOCKER_HOST</c>, else the local socket, unless
    /// <see cref="DockerRuntimeOptions.Endpoint"/> says otherwise) as the cluster's one node, replacing any other node
    /// provider. Containers are removed when the host stops unless <see cref="DockerRuntimeOptions.Lifetime"/> is
    /// <see cref="DockerLifetime.Persistent"/>. The node agents' <see cref="NodeAgentOptions.ApplicationName"/> defaults to
    /// <see cref="DockerRuntimeOptions.AppName"/>, so applications sharing one engine never adopt or remove each other's
    /// containers; setting the two to different values is an error. Autoscalers read pods' CPU and memory from the
    /// engine's container statistics.
    /// </summary>
    /// <param name="builder">The orchestration builder.</param>
    /// <param name="configure">Configures the options; null keeps the defaults.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IOrchestrationBuilder UseDocker(this IOrchestrationBuilder builder, Action<DockerRuntimeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<DockerRuntimeOptions>().ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DockerRuntimeOptions>, DockerRuntimeOptionsValidator>());
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.AddOptions<NodeAgentOptions>()
            .PostConfigure<IOptions<DockerRuntimeOptions>>((agents, docker) => agents.ApplicationName ??= docker.Value.AppName);
        builder.Services.AddOptions<StoreOptions>()
            .PostConfigure<IOptions<DockerRuntimeOptions>>((store, docker) =>
            {
                if (docker.Value.Lifetime == DockerLifetime.Persistent)
                {
                    store.PersistencePath ??= docker.Value.StorePath;
                }
            });
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.Replace(ServiceDescriptor.Singleton<INodeProvider, DockerNodeProvider>(services =>
        {
            var docker = services.GetRequiredService<IOptions<DockerRuntimeOptions>>().Value;
            var agents = services.GetRequiredService<IOptions<NodeAgentOptions>>().Value;
            if (agents.ApplicationName != docker.AppName)
            {
                throw new InvalidOperationException(
                    $"NodeAgentOptions.ApplicationName '{agents.ApplicationName}' differs from DockerRuntimeOptions.AppName "
                    + $"'{docker.AppName}': containers are found by that label, so set one of them only.");
            }

            return new DockerNodeProvider(
                docker,
                services.GetRequiredService<TimeProvider>(),
                services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance);
        }));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IRuntimeLifecycle, DockerRuntimeLifecycle>());
        builder.UseServiceProxy<DockerServiceNetwork>();
        builder.Services.AddDockerPodMetrics();
        return builder;
    }
}
