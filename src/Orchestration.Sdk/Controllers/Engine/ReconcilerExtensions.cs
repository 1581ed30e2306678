using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orchestration.Sdk.Events;
using Orchestration.Sdk.Hosting;
using Orchestration.Sdk.Informers;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Controllers.Engine;

/// <summary>Registers user reconcilers on the orchestration builder.</summary>
public static class ReconcilerExtensions
{
    /// <summary>
    /// Runs <typeparamref name="TReconciler"/> for kind <typeparamref name="T"/> on the controllers' engine: every change
    /// to a <typeparamref name="T"/>, and to an object of an owned kind it controls, queues its key; an exception is
    /// retried with exponential backoff (<see cref="ControllerOptions"/>), a <see cref="TerminalReconcileException"/> is
    /// logged, recorded as a Warning event on the object and not retried.
    /// </summary>
    /// <typeparam name="T">The reconciled kind (registered with AddKind or built in).</typeparam>
    /// <typeparam name="TReconciler">The reconciler, resolved from the container as a singleton.</typeparam>
    /// <param name="builder">The orchestration builder.</param>
    /// <param name="configure">Declares the owned kinds (<c>r =&gt; r.Owns&lt;Deployment&gt;()</c>). <value>The default value is null (only the kind itself is watched).</value></param>
    /// <returns>The builder.</returns>
    public static IOrchestrationBuilder AddReconciler<T, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TReconciler>(this IOrchestrationBuilder builder, Action<ReconcilerBuilder<T>>? configure = null)
        where T : Resource
        where TReconciler : class, IReconciler<T>
    {
        ArgumentNullException.ThrowIfNull(builder);
        var reconcilerBuilder = new ReconcilerBuilder<T>();
        configure?.Invoke(reconcilerBuilder);
        builder.Services.AddSingleton<TReconciler>();
        builder.Services.AddSingleton<IClusterComponent>(sp =>
        {
            var store = sp.GetRequiredService<ResourceStore>();
            var kind = store.Kinds.Get<T>().Kind;
            return new ReconcilerController<T>(sp.GetRequiredService<TReconciler>(), reconcilerBuilder.Sources(store.Kinds), store, sp.GetRequiredService<ISharedInformerFactory>(),
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<ControllerOptions>>().Value, (sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger(kind),
                sp.GetService<IEventRecorderFactory>(), sp.GetService<Orchestration.Sdk.Diagnostics.OrchestrationMetrics>());
        });
        return builder;
    }
}
