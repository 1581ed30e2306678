using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orchestration.Sdk.Informers;
using Orchestration.Sdk.Controllers.Engine;
using Orchestration.Sdk.Events;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;
using Orchestration.Sdk.Tests.Fixtures;

namespace Orchestration.Sdk.Tests.Events;

/// <summary>
/// The TTL on a fake clock: each step waits (real time, bounded) until the controller has armed the expiry's timer
/// before it advances the clock. The resync is a day, so only the event's own writes and expiries reconcile it.
/// </summary>
public sealed class EventTtlControllerTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly ArmingTimeProvider _time = new(Start);
    private readonly ResourceStore _store;
    private readonly EventTtlController _controller;
    private readonly CancellationTokenSource _stop = new();
    private Task? _run;

    public EventTtlControllerTests()
    {
        _store = new ResourceStore(_time);
        _controller = new EventTtlController(_store, SharedInformerFactory.Started(_store, _time), _time, Options.Create(new ControllerOptions { ResyncPeriod = TimeSpan.FromDays(1) }), Options.Create(new EventOptions()), NullLogger<EventTtlController>.Instance);
    }

    [Fact]
    public async Task Reconcile_EventOlderThanTheDefaultHour_Removed()
    {
        var e = _store.Create(NewEvent("web-abc.1", Start));
        await StartAsync(reconciles: 1);
        await ArmedAsync(Start.AddHours(1));

        _time.Advance(TimeSpan.FromMinutes(60) - TimeSpan.FromSeconds(1));
        await StaysAsync(() => Exists(e), "the event kept 59m59s after its last write");
        _time.Advance(TimeSpan.FromSeconds(1));

        await UntilAsync(() => !Exists(e), "the event removed an hour after its last write");
    }

    [Fact]
    public async Task Reconcile_EventRepeatedMeanwhile_KeptAnHourFromTheRepeat()
    {
        var e = _store.Create(NewEvent("web-abc.1", Start));
        await StartAsync(reconciles: 1);
        _time.Advance(TimeSpan.FromMinutes(30));
        _store.Update(_store.Get<Event>(e.Key)! with { Count = 2, LastTimestamp = _time.GetUtcNow() });
        await UntilAsync(() => _controller.Reconciles >= 2, "the repeat reconciled");
        await ArmedAsync(Start.AddMinutes(90));

        _time.Advance(TimeSpan.FromMinutes(31)); // 61 minutes after the first report, 31 after the repeat
        await StaysAsync(() => Exists(e), "the repeated event kept");
        _time.Advance(TimeSpan.FromMinutes(29));

        await UntilAsync(() => !Exists(e), "the event removed an hour after its repeat");
    }

    [Fact]
    public async Task Reconcile_ShorterTtlOption_Honoured()
    {
        var controller = new EventTtlController(_store, SharedInformerFactory.Started(_store, _time), _time, Options.Create(new ControllerOptions { ResyncPeriod = TimeSpan.FromDays(1) }), Options.Create(new EventOptions { Ttl = TimeSpan.FromMinutes(5) }), NullLogger<EventTtlController>.Instance);
        var e = _store.Create(NewEvent("web-abc.1", Start));
        var run = controller.RunAsync(_stop.Token);
        await UntilAsync(() => controller.Reconciles >= 1, "the event reconciled");
        await ArmedAsync(Start.AddMinutes(5));

        _time.Advance(TimeSpan.FromMinutes(5));

        await UntilAsync(() => !Exists(e), "the event removed after 5 minutes");
        await _stop.CancelAsync();
        await run;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null)
        {
            await _run;
        }

        _stop.Dispose();
    }

    private async Task StartAsync(int reconciles)
    {
        _run = _controller.RunAsync(_stop.Token);
        await UntilAsync(() => _controller.Reconciles >= reconciles, "the event reconciled");
    }

    private Task ArmedAsync(DateTimeOffset at) => UntilAsync(() => _time.Armed(at), $"the expiry timer armed for {at:HH:mm}");

    private bool Exists(Event e) => _store.Get<Event>(e.Key) is not null;

    private static Event NewEvent(string name, DateTimeOffset at) => new()
    {
        Metadata = new ObjectMeta { Name = name },
        InvolvedObject = new ObjectReference { Kind = Pod.KindName, Namespace = "default", Name = "web-abc" },
        Reason = "Started",
        Message = "Started container web",
        FirstTimestamp = at,
        LastTimestamp = at,
    };

    private Task UntilAsync(Func<bool> condition, string what) => StoreWait.UntilAsync(_store, condition, what);

    private static async Task StaysAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 10; i++)
        {
            Assert.True(condition(), $"expected {what}");
            await Task.Delay(3);
        }
    }
}
