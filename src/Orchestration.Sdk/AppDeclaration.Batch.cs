using Orchestration.Sdk.Declaration;

namespace Orchestration.Sdk;

public sealed partial class AppDeclaration
{
    /// <summary>
    /// Declares a Job: pods run to completion (restart policy Never by default), replaced with exponential back-off when
    /// they fail. Defaults as Kubernetes: 1 completion, parallelism 1, backoffLimit 6, no deadline, kept after it
    /// finishes. The name must be a DNS-1123 subdomain; it names the primary container and the <c>app</c> label.
    /// A Job's pod template cannot change after it is created (as Kubernetes): declare a new name for a new run.
    /// </summary>
    /// <param name="name">The job's name, unique among the declaration's jobs.</param>
    /// <returns>The builder, to configure the job.</returns>
    /// <example><c>app.AddJob("migrate").WithImage("shop-migrate:2").WithCompletions(3).WithParallelism(2);</c></example>
    public JobBuilder AddJob(string name) => Add(new JobBuilder(name));

    /// <summary>
    /// Declares a CronJob: a Job created on a cron schedule (set it with <see cref="CronJobBuilder.WithSchedule(string)"/>).
    /// Defaults as Kubernetes: concurrencyPolicy Allow, no startingDeadlineSeconds, 3 successful and 1 failed Job kept,
    /// not suspended, the schedule read in the local time zone of the injected TimeProvider; the Job template has the
    /// Job defaults of <see cref="AddJob(string)"/>. The name must be a DNS-1123 subdomain of at most 52 characters.
    /// </summary>
    /// <param name="name">The CronJob's name, unique among the declaration's CronJobs.</param>
    /// <returns>The builder, to configure the CronJob and its Jobs.</returns>
    /// <example><c>app.AddCronJob("nightly").WithSchedule("0 3 * * *").WithTimeZone("Europe/Paris").WithImage("shop-report:2");</c></example>
    public CronJobBuilder AddCronJob(string name) => Add(new CronJobBuilder(name));
}
