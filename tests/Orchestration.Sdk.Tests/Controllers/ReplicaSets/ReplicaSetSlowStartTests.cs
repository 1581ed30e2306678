using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orchestration.Sdk.Controllers.Engine;
using Orchestration.Sdk.Controllers.ReplicaSets;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;
using Orchestration.Sdk.Tests.Controllers.Engine;
using Orchestration.Sdk.Tests.Fixtures;

namespace Orchestration.Sdk.Tests.Controllers.ReplicaSets;

/// <summary>
/// Pod creation as Kubernetes' slowStartBatch: batches of 1, 2, 4, …, no further batch after one with a failure, a
/// FailedCreate event per failure, and the sync failing (so it is retried with backoff) after the status is written.
/// The clock is fake and never advanced, so only event-driven syncs run: what a test sees is what one or two syncs did.
/// </summary>
public sealed class ReplicaSetSlowStartTests : IAsyncDisposable
{
    private readonly HarnessFixture _fixture = new();
    private readonly ReconcilerHarness.RecordingEvents _events = new();
    private readonly FailingPodCreates _failing = new();

    public ReplicaSetSlowStartTests()
    {
        _fixture.Store.UseTransformer(_failing);
        _fixture.Run(new ReplicaSetController(_fixture.Store, _fixture.Informers, _fixture.Time, Options.Create(new ControllerOptions()),
            NullLogger<ReplicaSetController>.Instance, _events).RunAsync);
    }

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task Create_EveryCreateRefused_StopsAfterTheFirstBatchAndSaysFailedCreate()
    {
        _failing.Refuse = _ => true;

        var rs = _fixture.Store.Create(ReplicaSetControllerTests.NewReplicaSet("cache", 8));

        await _fixture.WaitUntilAsync("the status written by the failing sync", () =>
            _fixture.Store.Get<ReplicaSet>(rs.Key)!.Status.ObservedGeneration == 1 && _events.Recorded.Any(e => e.Reason == "FailedCreate"));
        await _fixture.InformerCaughtUpAsync<ReplicaSet>();
        var failed = Assert.Single(_events.Recorded.Where(e => e.Reason == "FailedCreate").Take(1));
        Assert.Equal((rs.Key, "Warning"), (failed.Key, failed.Type));
        Assert.Equal("Error creating: injected: the store refuses pods", failed.Message);
        Assert.InRange(_failing.Attempts, 1, 2); // one attempt per sync (the status write brings one more sync), not 8
        Assert.Empty(_fixture.Store.List<Pod>(Pod.KindName).Items);
    }

    [Fact]
    public async Task Create_OneCreateRefused_FinishesItsBatch_ThenTheNextSyncCreatesTheRest()
    {
        _failing.Refuse = attempt => attempt == 2; // the first pod of the second batch (1, then 2)

        var rs = _fixture.Store.Create(ReplicaSetControllerTests.NewReplicaSet("cache", 8));

        await _fixture.WaitUntilAsync("8 pods", () => _fixture.Store.List<Pod>(Pod.KindName).Items.Count == 8);
        await _fixture.WaitUntilAsync("status of 8", () => _fixture.Store.Get<ReplicaSet>(rs.Key)!.Status.Replicas == 8);
        Assert.Equal(9, _failing.Attempts); // 1 + 2 (one refused), then 1 + 2 + 3 for the 6 left: no pod twice
        Assert.Single(_events.Recorded, e => e.Reason == "FailedCreate");

        // The refused create does not end its batch (the batch's other pod is still created); it ends the sync.
        Assert.Equal(["SuccessfulCreate", "FailedCreate", "SuccessfulCreate"], _events.Recorded.Take(3).Select(e => e.Reason));
        Assert.Equal(8, _events.Recorded.Count(e => e.Reason == "SuccessfulCreate"));
    }

    /// <summary>Refuses chosen pod creates (counted from 1) inside the store's write, as a failing store would.</summary>
    private sealed class FailingPodCreates : IStoredObjectTransformer
    {
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        private int _attempts;

        public Func<int, bool> Refuse { get; set; } = _ => false;

        public int Attempts => Volatile.Read(ref _attempts);

        public string Kind => Pod.KindName;

        public Resource ToStored(Resource plain)
        {
            lock (_seen)
            {
                if (_seen.Contains(plain.Metadata.Name))
                {
                    return plain; // a later write of a pod already created
                }

                var attempt = Interlocked.Increment(ref _attempts);
                if (Refuse(attempt))
                {
                    throw new OrchestrationException("injected: the store refuses pods");
                }

                _seen.Add(plain.Metadata.Name);
                return plain;
            }
        }

        public Resource FromStored(Resource stored) => stored;
    }
}
