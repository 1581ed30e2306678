using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Controllers.Engine;
using Orchestration.Sdk.Controllers.GarbageCollection;
using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Events;
using Orchestration.Sdk.Kinds;
using Orchestration.Sdk.Kinds.Custom;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;
using Orchestration.Sdk.Tests.Fixtures;
using Orchestration.Sdk.Tests.Kinds;

namespace Orchestration.Sdk.Tests.Controllers.Engine;

/// <summary>
/// A store with the test <see cref="Website"/> kind registered, on a fake clock, running a scripted Website reconciler
/// (owning Deployments and Services) and the garbage collector. Backoff starts at 1 second; the resync is off, so only
/// changes and requeues reconcile.
/// </summary>
internal sealed class ReconcilerHarness : IAsyncDisposable
{
    public static readonly ControllerOptions Options = new()
    {
        ErrorBackoffBase = TimeSpan.FromSeconds(1),
        ErrorBackoffMax = TimeSpan.FromSeconds(1000),
        ResyncPeriod = Timeout.InfiniteTimeSpan,
        MaxConcurrentReconciles = 1,
    };

    private readonly HarnessFixture _fixture;
    private readonly ScriptedReconciler _reconciler;

    /// <param name="reconcile">Given the key and the call number (1 for the first), returns the result or throws.</param>
    public ReconcilerHarness(Func<ObjectKey, int, ReconcileResult> reconcile)
    {
        Clock = new FakeTimeProvider(HarnessFixture.DefaultStart);
        _fixture = new HarnessFixture(Clock, kinds: Kinds());
        _reconciler = new ScriptedReconciler(reconcile);
        var sources = new ReconcilerBuilder<Website>().Owns<Deployment>().Owns<Sdk.Networking.Service>().Sources(Store.Kinds);
        Controller = new ReconcilerController<Website>(_reconciler, sources, Store, _fixture.Informers, Clock, Options, NullLogger.Instance, Events);
        _fixture.Run(Controller.RunAsync);
        _fixture.Run(new GarbageCollector(Store, _fixture.Informers, Clock, Microsoft.Extensions.Options.Options.Create(Options), NullLogger<GarbageCollector>.Instance).RunAsync);
    }

    public FakeTimeProvider Clock { get; }

    public ResourceStore Store => _fixture.Store;

    public ReconcilerController<Website> Controller { get; }

    public RecordingEvents Events { get; } = new();

    /// <summary>How many reconciles have started.</summary>
    public int Calls => _reconciler.Calls;

    public static KindRegistry Kinds() => KindRegistry.CreateDefault().Register(new CustomKindBuilder<Website>().Plural("websites")
        .Validate((w, spec) => w.Spec.Replicas < 0 ? [new ValidationError($"{spec}.replicas", "must be greater than or equal to 0")] : [])
        .Build("Website", WebsiteJsonContext.Default.Website));

    public static Website NewWebsite(string name = "web", int replicas = 1) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "default" },
        Spec = new WebsiteSpec("nginx:1", replicas, 80),
    };

    public Task WaitUntil(string what, Func<bool> condition) =>
        _fixture.WaitUntilAsync(what, condition, () => $"calls={Calls} queued={Controller.Queue.Count} scheduled={Controller.Queue.IsScheduled(WebKey)} now={Clock.GetUtcNow():O}");

    public static ObjectKey WebKey => new("Website", "default", "web");

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    private sealed class ScriptedReconciler(Func<ObjectKey, int, ReconcileResult> reconcile) : IReconciler<Website>
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken) =>
            Task.FromResult(reconcile(key, Interlocked.Increment(ref _calls)));
    }

    /// <summary>Keeps every recorded event, as (object key, type, reason, message).</summary>
    public sealed class RecordingEvents : IEventRecorderFactory, IEventRecorder
    {
        private readonly List<(ObjectKey Key, string Type, string Reason, string Message)> _events = [];

        public IReadOnlyList<(ObjectKey Key, string Type, string Reason, string Message)> Recorded
        {
            get
            {
                lock (_events)
                {
                    return [.. _events];
                }
            }
        }

        public IEventRecorder CreateRecorder(string component, string? host = null) => this;

        public void Record(Resource involvedObject, string type, string reason, string message, string? fieldPath = null, string? action = null)
        {
            lock (_events)
            {
                _events.Add((involvedObject.Key, type, reason, message));
            }
        }
    }
}
