using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Informers;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Controllers.Engine;

/// <summary>Runs a user's reconciler on the same work queue engine as the built-in controllers.</summary>
internal sealed class ReconcilerController<T>(IReconciler<T> reconciler, IReadOnlyList<WatchSource> sources, ResourceStore store, ISharedInformerFactory informers, TimeProvider time, ControllerOptions options, ILogger logger)
    : Controller($"{typeof(T).Name.ToLowerInvariant()}-controller", store, informers, time, options, logger)
    where T : Resource
{
    protected override IReadOnlyList<WatchSource> Sources => sources;

    protected override Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken) =>
        reconciler.ReconcileAsync(key, cancellationToken);
}
