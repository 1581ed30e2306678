namespace Orchestration.Sdk.Scheduling;

/// <summary>Builds the message of a pod that fits nowhere exactly as kube-scheduler's FitError does.</summary>
internal static class FitError
{
    /// <summary>Kubernetes' ErrNoNodesAvailable, when the cluster has no node at all.</summary>
    public const string NoNodesAvailable = "no nodes available to schedule pods";

    /// <summary>
    /// "0/5 nodes are available: 2 node(s) had untolerated taint {dedicated: gpu}, 3 Insufficient memory." Each reason
    /// of each node is counted; the "count reason" strings are sorted ordinally, as Go's sort.Strings does.
    /// </summary>
    public static string Format(int allNodes, IEnumerable<FilterStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var status in statuses)
        {
            foreach (var reason in status.Reasons)
            {
                counts[reason] = counts.GetValueOrDefault(reason) + 1;
            }
        }

        var histogram = counts.Select(kv => $"{kv.Value} {kv.Key}").ToList();
        histogram.Sort(StringComparer.Ordinal);
        return $"0/{allNodes} nodes are available: {string.Join(", ", histogram)}.";
    }
}
