using Orchestration.Sdk.Events;
using Orchestration.Sdk.Testing;

namespace Orchestration.Sdk.Tests.Events;

/// <summary>Reads a test cluster's events through the in-process client, as a user would.</summary>
internal static class ClusterEvents
{
    public static IReadOnlyList<Event> List(TestCluster cluster, string reason) =>
        cluster.Client.ListAsync<Event>().GetAwaiter().GetResult().Where(e => e.Reason == reason).ToList();

    /// <summary>Waits for an event of <paramref name="reason"/> matching <paramref name="match"/>; on timeout says what events there were.</summary>
    public static async Task<Event> WaitForAsync(TestCluster cluster, string reason, Func<Event, bool>? match = null, string? what = null)
    {
        Event? found = null;
        try
        {
            await cluster.WaitUntilAsync(what ?? $"a {reason} event", c => (found = List(c, reason).FirstOrDefault(e => match is null || match(e))) is not null);
        }
        catch (TimeoutException ex)
        {
            var seen = cluster.Client.ListAsync<Event>().GetAwaiter().GetResult().Select(e => $"{e.Reason}({e.Count}): {e.Message}");
            throw new TimeoutException($"{ex.Message}; events: [{string.Join("; ", seen)}]", ex);
        }

        return found!;
    }
}
