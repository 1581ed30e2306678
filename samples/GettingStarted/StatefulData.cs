using Orchestration.Sdk.Client;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.StatefulSets;
using Orchestration.Sdk.Storage;

namespace GettingStarted;

/// <summary>
/// The database keeps its data: db-0 wrote a row into its claim; the pod is killed and replaced, and the new db-0
/// (same name, same claim) prints the old row with its own. Then the set and its claim are deleted, and the claim's
/// reclaim policy (Delete) removes the volume, so the demo leaves nothing behind.
/// </summary>
internal static class StatefulData
{
    public static async Task RunAsync(IOrchestrationClient client)
    {
        var before = await WaitForDbAsync(client, uid: null);
        var rows = Rows(await client.GetLogsAsync("db-0"));
        ClusterView.Say($"db-0 (claim data-db-0) wrote its row; the table has {rows.Count}: {string.Join(" | ", rows)}");

        ClusterView.Say("Deleting pod db-0; the StatefulSet recreates it with the same name and claim...");
        await client.DeleteAsync<Pod>("db-0");
        await WaitForDbAsync(client, before.Metadata.Uid);
        var after = Rows(await client.GetLogsAsync("db-0"));
        ClusterView.Say($"The new db-0 sees {after.Count} rows: {string.Join(" | ", after)}");
        if (after.Count != rows.Count + 1 || !after.Take(rows.Count).SequenceEqual(rows))
        {
            throw new InvalidOperationException("the db's rows did not survive the pod's replacement");
        }

        ClusterView.Say("Deleting the StatefulSet, then claim data-db-0 (reclaim policy Delete removes its volume)...");
        await client.DeleteAsync<StatefulSet>("db");
        await ClusterView.WaitAsync(async () => (await client.ListAsync<Pod>()).All(p => p.Metadata.Name != "db-0"), "db-0 gone");
        await client.DeleteAsync<PersistentVolumeClaim>("data-db-0");
        await ClusterView.WaitAsync(async () => await client.GetAsync<PersistentVolumeClaim>("data-db-0") is null, "claim data-db-0 gone");
        ClusterView.Say(string.Empty);
    }

    private static List<string> Rows(string log) =>
        [.. log.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("row written by", StringComparison.Ordinal))];

    private static async Task<Pod> WaitForDbAsync(IOrchestrationClient client, string? uid)
    {
        Pod? pod = null;
        await ClusterView.WaitAsync(async () =>
            (pod = await client.GetAsync<Pod>("db-0")) is { Status.IsReady: true } p && p.Metadata.Uid != uid && p.Metadata.DeletionTimestamp is null
            && Rows(await client.GetLogsAsync("db-0")).Count > 0, "db-0 ready");
        return pod!;
    }
}
