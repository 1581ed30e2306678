using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Events;
using Orchestration.Sdk.Informers;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Controllers.Engine;

/// <summary>
/// Runs a user's reconciler on the same work queue engine as the built-in controllers. A terminal error is also
/// recorded as a Warning event (reason <see cref="TerminalErrorReason"/>) on the object, when it is still stored.
/// </summary>
internal sealed class ReconcilerController<T>(IReconciler<T> reconciler, IReadOnlyList<WatchSource> sources, ResourceStore store, ISharedInformerFactory informers, TimeProvider time, ControllerOptions options, ILogger logger, IEventRecorderFactory? events = null, Orchestration.Sdk.Diagnostics.OrchestrationMetrics? metrics = null)
    : Controller(ControllerName(store), store, informers, time, options, logger, metrics)
    where T : Resource
{
    /// <summary>The reason of the Warning event a terminal error records.</summary>
    public const string TerminalErrorReason = "ReconcileFailed";

    private readonly IEventRecorder _recorder = events?.CreateRecorder(ControllerName(store)) ?? NullEventRecorder.Instance;

    protected override IReadOnlyList<WatchSource> Sources => sources;

    protected override Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken) =>
        reconciler.ReconcileAsync(key, cancellationToken);

    protected override void OnTerminalError(ObjectKey key, TerminalReconcileException error)
    {
        if (Store.Get<Resource>(key) is { } obj)
        {
            _recorder.Record(obj, EventTypes.Warning, TerminalErrorReason, $"terminal error, not retried: {error.Message}");
        }
    }

    private static string ControllerName(ResourceStore store) => $"{store.Kinds.Get<T>().Kind.ToLowerInvariant()}-controller";
}
