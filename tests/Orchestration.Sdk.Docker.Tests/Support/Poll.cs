namespace Orchestration.Sdk.Docker.Tests.Support;

/// <summary>
/// Waits for a condition on the real engine: reads again every <c>interval</c> until the condition holds, bounded by
/// <c>timeout</c> (real time: the engine is real, there is no fake clock to step), and on timeout says what it last saw.
/// </summary>
internal static class Poll
{
    public static async Task<T> UntilAsync<T>(
        string description, Func<Task<T>> read, Func<T, bool> condition, TimeSpan? timeout = null, TimeSpan? interval = null, Func<T, string>? describe = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        var last = await read();
        while (!condition(last))
        {
            if (limit.IsCancellationRequested)
            {
                throw new TimeoutException($"timed out waiting until {description}; last seen: {(describe is null ? last?.ToString() : describe(last))}");
            }

            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(100), CancellationToken.None);
            last = await read();
        }

        return last;
    }

    /// <summary>Waits until <paramref name="condition"/> returns true.</summary>
    public static Task UntilAsync(string description, Func<Task<bool>> condition, TimeSpan? timeout = null, TimeSpan? interval = null) =>
        UntilAsync(description, condition, ok => ok, timeout, interval);
}
