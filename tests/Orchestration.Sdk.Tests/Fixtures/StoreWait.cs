using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Tests.Fixtures;

/// <summary>
/// The one wait every harness uses, as <c>TestCluster.WaitUntilAsync</c>: the condition is re-checked on every store
/// change, and on a short real-time poll for state outside the store (containers in the in-memory runtime, sockets);
/// on timeout it fails with what it last saw. Timeouts are real time: the fake clock only moves when a test moves it.
/// </summary>
internal static class StoreWait
{
    /// <summary>How long a wait lasts unless told otherwise: 10 seconds of real time.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    // Re-checks conditions on state the store does not hold; store changes wake the wait at once.
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(2);

    /// <summary>Waits until <paramref name="condition"/> holds for what <paramref name="probe"/> reads, and returns that value.</summary>
    /// <param name="store">The store whose changes wake the wait; null polls only.</param>
    /// <param name="probe">Reads the current value.</param>
    /// <param name="condition">The condition on the value.</param>
    /// <param name="what">What is awaited, for the timeout message.</param>
    /// <param name="describe">Describes the last value seen for the timeout message; null uses its <c>ToString</c>.</param>
    /// <param name="timeout">Real time to wait; null is <see cref="DefaultTimeout"/>.</param>
    public static async Task<T> UntilAsync<T>(
        ResourceStore? store, Func<T> probe, Func<T, bool> condition, string what, Func<T, string>? describe = null, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        using var cts = new CancellationTokenSource(limit);
        while (true)
        {
            var version = store?.Version ?? 0;
            var value = probe();
            if (condition(value))
            {
                return value;
            }

            if (cts.IsCancellationRequested)
            {
                var seen = describe is null ? value?.ToString() ?? "null" : describe(value);
                throw new TimeoutException($"timed out after {limit.TotalSeconds:0.#}s waiting until {what}; last seen at store version {store?.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}:\n{seen}");
            }

            try
            {
                var poll = Task.Delay(PollInterval, cts.Token);
                await (store is null ? poll : Task.WhenAny(store.WaitForChangeAsync(version, cts.Token), poll));
            }
            catch (OperationCanceledException) when (cts.IsCancellationRequested)
            {
                // One last check above, then the timeout message.
            }
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds.</summary>
    public static Task UntilAsync(ResourceStore? store, Func<bool> condition, string what, Func<string>? describe = null, TimeSpan? timeout = null) =>
        UntilAsync(store, condition, ok => ok, what, describe is null ? null : _ => describe(), timeout);
}
