using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestration.Sdk.Hosting;
using Orchestration.Sdk.Informers;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Controllers.Engine;

/// <summary>Registers user reconcilers on the orchestration builder.</summary>
public static class ReconcilerExtensions
{
    /// <summary>Runs <typeparamref name="TReconciler"/> for kind <typeparamref name="T"/>, watching the kind and the kinds it owns.</summary>
    /// <typeparam name="T">The reconciled kind (registered with AddKind or built in).</typeparam>
    /// <typeparam name="TReconciler">The reconciler, resolved from the container.</typeparam>
    /// <param name="builder">The orchestration builder.</param>
    /// <param name="ownedKinds">Kind names whose objects controlled by a <typeparamref name="T"/> requeue it; by default none.</param>
    /// <returns>The builder.</returns>
    public static IOrchestrationBuilder AddReconciler<T, TReconciler>(this IOrchestrationBuilder builder, params string[] ownedKinds)
        where T : Resource
        where TReconciler : class, IReconciler<T>
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<TReconciler>();
        builder.Services.AddSingleton<IClusterComponent>(sp =>
        {
            var store = sp.GetRequiredService<ResourceStore>();
            var kind = store.Kinds.Get<T>().Kind;
            WatchSource[] sources = [WatchSource.Self(kind), .. ownedKinds.Select(o => WatchSource.Owner(o, kind))];
            return new ReconcilerController<T>(sp.GetRequiredService<TReconciler>(), sources, store, sp.GetRequiredService<ISharedInformerFactory>(),
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<ControllerOptions>>().Value, sp.GetRequiredService<ILoggerFactory>().CreateLogger(kind));
        });
        return builder;
    }
}
