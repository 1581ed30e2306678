using System.Globalization;
using Orchestration.Sdk.Model;
using static Orchestration.Sdk.Kubernetes.Tables.KindTable;

namespace Orchestration.Sdk.Kubernetes.Tables;

/// <summary>The Tables of jobs, with a real cluster's columns and cells (kubectl's printJob).</summary>
internal static class BatchTables
{
    public static readonly KindTable Jobs = new(
        [Name, new("Status"), new("Completions"), new("Duration"), Age, new("Containers", Priority: 1), new("Images", Priority: 1), new("Selector", Priority: 1)],
        (r, now) =>
        {
            var job = (Job)r;
            var t = job.Spec.Template.Spec;
            return [job.Metadata.Name, JobStatus(job), Completions(job), Duration(job, now), AgeOf(job, now),
                string.Join(",", t.Containers.Select(c => c.Name)), string.Join(",", t.Containers.Select(c => c.Image)),
                job.Metadata.Uid.Length == 0 ? None : $"{Job.ControllerUidLabel}={job.Metadata.Uid}"];
        });

    /// <summary>Complete, Failed, Terminating or Running, in printJob's order.</summary>
    public static string JobStatus(Job job) =>
        job.Status.Conditions.Find(JobConditionType.Complete)?.IsTrue == true ? "Complete"
        : job.Status.Conditions.Find(JobConditionType.Failed)?.IsTrue == true ? "Failed"
        : job.Metadata.DeletionTimestamp is not null ? "Terminating"
        : "Running";

    /// <summary>"succeeded/completions"; a work queue shows "succeeded/1" or "succeeded/1 of parallelism".</summary>
    public static string Completions(Job job) => job.Spec.Completions is { } c
        ? $"{I(job.Status.Succeeded)}/{I(c)}"
        : job.Spec.Parallelism > 1 ? $"{I(job.Status.Succeeded)}/1 of {I(job.Spec.Parallelism)}" : $"{I(job.Status.Succeeded)}/1";

    private static string Duration(Job job, DateTimeOffset now) => job.Status.StartTime switch
    {
        null => string.Empty,
        { } start when job.Status.CompletionTime is { } done => HumanDuration.Format(done - start),
        { } start => HumanDuration.Format(now - start),
    };

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
