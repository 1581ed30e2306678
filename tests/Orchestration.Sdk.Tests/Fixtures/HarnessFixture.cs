using Microsoft.Extensions.Options;
using Orchestration.Sdk.Informers;
using Orchestration.Sdk.Kinds;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Tests.Fixtures;

/// <summary>
/// What every harness is built on: a store on a clock (a fake one unless told), its informer factory, and the
/// components under test running until the fixture is disposed. Disposal stops them, waits for them and then stops the
/// informers, so a test never leaks a loop into the next.
/// </summary>
internal sealed class HarnessFixture : IAsyncDisposable
{
    /// <summary>The fake clock's start when a harness does not choose one.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _running = [];

    /// <summary>Builds the store, runs <paramref name="seed"/> on it, then builds the informer factory (started unless told).</summary>
    /// <param name="time">The clock; null is a fake clock at <see cref="DefaultStart"/>.</param>
    /// <param name="storeOptions">The store's options; null is the defaults.</param>
    /// <param name="seed">Writes objects before the informers list, so their first list holds them.</param>
    /// <param name="startInformers">False for harnesses that sync a component by hand.</param>
    /// <param name="kinds">The store's kinds; null is the built-in kinds (pass a registry with custom kinds registered).</param>
    public HarnessFixture(TimeProvider? time = null, StoreOptions? storeOptions = null, Action<ResourceStore>? seed = null, bool startInformers = true, KindRegistry? kinds = null)
    {
        Time = time ?? new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DefaultStart);
        Store = new ResourceStore(Time, Options.Create(storeOptions ?? new StoreOptions()), kinds);
        seed?.Invoke(Store);
        Informers = startInformers ? SharedInformerFactory.Started(Store, Time) : new SharedInformerFactory(Store, Time);
    }

    public TimeProvider Time { get; }

    public ResourceStore Store { get; }

    public SharedInformerFactory Informers { get; }

    /// <summary>The token the running components stop on.</summary>
    public CancellationToken Stopping => _stop.Token;

    /// <summary>Starts a component's loop; disposal cancels and awaits it.</summary>
    public Task Run(Func<CancellationToken, Task> loop)
    {
        var task = loop(_stop.Token);
        _running.Add(task);
        return task;
    }

    /// <summary>Waits (re-checking on every store change) until <paramref name="condition"/> holds, else fails with <paramref name="describe"/>.</summary>
    public Task WaitUntilAsync(string what, Func<bool> condition, Func<string>? describe = null) =>
        StoreWait.UntilAsync(Store, condition, what, describe);

    /// <summary>Waits until <paramref name="condition"/> holds for what <paramref name="probe"/> reads, and returns it.</summary>
    public Task<T> WaitForAsync<T>(Func<T> probe, Func<T, bool> condition, string what, Func<T, string>? describe = null) =>
        StoreWait.UntilAsync(Store, probe, condition, what, describe);

    /// <summary>
    /// Waits until the informer of <typeparamref name="T"/> holds exactly the store's objects of that kind (informers
    /// apply writes in the background), for harnesses that sync a component that reads the cache.
    /// </summary>
    public async Task InformerCaughtUpAsync<T>()
        where T : Sdk.Model.Resource
    {
        var informer = Informers.For<T>();
        var kind = Store.Kinds.Get<T>().Kind;
        using var changes = new InformerChangeSignal().Follow(informer);
        using var limit = new CancellationTokenSource(StoreWait.DefaultTimeout);
        while (!informer.List().Select(Version).ToHashSet().SetEquals(Store.List<T>(kind).Items.Select(Version)))
        {
            await changes.WaitAsync(cancellationToken: limit.Token); // woken by the informer's next applied change
        }

        static (string, long) Version(T o) => (o.Metadata.Uid, o.Metadata.ResourceVersion);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Task.WhenAll(_running).WaitAsync(StoreWait.DefaultTimeout);
        }
        catch (OperationCanceledException)
        {
            // A loop that ends by throwing its cancellation has stopped as asked.
        }

        await Informers.DisposeAsync();
        _stop.Dispose();
    }
}
