using Orchestration.Sdk.Client;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Controllers.CronJobs;

/// <summary>Deletes a CronJob's oldest finished Jobs beyond successfulJobsHistoryLimit and failedJobsHistoryLimit (with their pods).</summary>
internal static class CronJobHistory
{
    /// <summary>Trims; returns the jobs that are left.</summary>
    public static List<Job> Trim(ResourceStore store, List<Job> owned, CronJobSpec spec, DateTimeOffset now)
    {
        var gone = new HashSet<string>(StringComparer.Ordinal);
        gone.UnionWith(Excess(owned.Where(Succeeded), spec.SuccessfulJobsHistoryLimit));
        gone.UnionWith(Excess(owned.Where(j => j.IsFinished && !Succeeded(j)), spec.FailedJobsHistoryLimit));
        foreach (var job in owned.Where(j => gone.Contains(j.Metadata.Uid)))
        {
            try
            {
                store.Delete(job.Key, DeletionPropagation.Background, null, now);
            }
            catch (NotFoundException)
            {
            }
        }

        return [.. owned.Where(j => !gone.Contains(j.Metadata.Uid))];
    }

    private static bool Succeeded(Job job) => job.Status.Conditions.Find(JobConditionType.Complete)?.IsTrue == true;

    /// <summary>The oldest (by start time, then name) beyond <paramref name="limit"/>.</summary>
    private static IEnumerable<string> Excess(IEnumerable<Job> finished, int limit)
    {
        var list = finished.OrderBy(j => j.Status.StartTime ?? j.Metadata.CreationTimestamp).ThenBy(j => j.Metadata.Name, StringComparer.Ordinal).ToList();
        return list.Take(Math.Max(0, list.Count - limit)).Select(j => j.Metadata.Uid);
    }
}
