using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orchestration.Sdk.Hosting;
using Orchestration.Sdk.Kubernetes.Hosting;
using Orchestration.Sdk.Kubernetes.Server;

#pragma warning disable IDE0130 // DI registration extensions live in the namespace of IServiceCollection, by convention.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Turns on the Kubernetes API, so the real kubectl and Kubernetes clients work against the running app.</summary>
public static class KubernetesApiBuilderExtensions
{
    /// <summary>
    /// Serves the Kubernetes API over HTTPS (on 127.0.0.1:6443 unless <paramref name="configure"/> says otherwise), with a
    /// certificate from a CA made for the app, bearer tokens (admin and read-only), and a kubeconfig written once it
    /// listens when <see cref="KubernetesApiOptions.KubeconfigPath"/> is set. <see cref="IKubernetesApi"/> tells the address.
    /// </summary>
    /// <param name="builder">The orchestration builder.</param>
    /// <param name="configure">Sets the options. <value>The default value is null (the defaults of <see cref="KubernetesApiOptions"/>).</value></param>
    /// <returns>The builder.</returns>
    public static IOrchestrationBuilder WithKubernetesApi(this IOrchestrationBuilder builder, Action<KubernetesApiOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<KubernetesApiOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KubernetesApiOptions>, KubernetesApiOptionsValidator>());
        if (!services.Any(d => d.ServiceType == typeof(KubernetesApiServer)))
        {
            services.AddSingleton<KubernetesApiServer>();
            services.AddSingleton<IKubernetesApi>(sp => sp.GetRequiredService<KubernetesApiServer>());
            services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<KubernetesApiServer>());
        }

        return builder;
    }
}
