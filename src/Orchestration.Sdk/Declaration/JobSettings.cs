using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Declaration;

/// <summary>
/// The Job settings that <see cref="JobBuilder"/> and <see cref="CronJobBuilder"/> (for the Jobs it creates) share,
/// with Kubernetes' defaults: completions 1, parallelism 1, backoffLimit 6, no activeDeadlineSeconds, no
/// ttlSecondsAfterFinished, restart policy Never.
/// </summary>
/// <typeparam name="TBuilder">The concrete builder, returned by every method.</typeparam>
public abstract class JobSettings<TBuilder> : WorkloadBuilder<TBuilder>
    where TBuilder : JobSettings<TBuilder>
{
    private protected JobSettings(string name)
        : base(name)
    {
        Template.RestartPolicy = RestartPolicy.Never;
    }

    internal JobSpecRecorder JobSpec { get; } = new();

    /// <summary>Sets how many pods must succeed; null makes a work queue (complete once one succeeded and none runs). <value>The default value is 1.</value></summary>
    /// <param name="completions">The number of successful pods, at least 0, or null.</param>
    /// <returns>This builder.</returns>
    public TBuilder WithCompletions(int? completions)
    {
        JobSpec.Completions = completions;
        return (TBuilder)this;
    }

    /// <summary>Sets how many pods run at most at once; must not be negative. <value>The default value is 1.</value></summary>
    /// <param name="parallelism">The number of pods.</param>
    /// <returns>This builder.</returns>
    public TBuilder WithParallelism(int parallelism)
    {
        JobSpec.Parallelism = parallelism;
        return (TBuilder)this;
    }

    /// <summary>Sets how many failed pods (or, under OnFailure, container restarts) the job tolerates before it fails with BackoffLimitExceeded. <value>The default value is 6.</value></summary>
    /// <param name="limit">The limit, at least 0.</param>
    /// <returns>This builder.</returns>
    public TBuilder WithBackoffLimit(int limit)
    {
        JobSpec.BackoffLimit = limit;
        return (TBuilder)this;
    }

    /// <summary>Fails the job (DeadlineExceeded) and stops its pods once it has been active this long. <value>The default value is no deadline.</value></summary>
    /// <param name="deadline">The deadline, more than 0; rounded up to whole seconds.</param>
    /// <returns>This builder.</returns>
    public TBuilder WithActiveDeadline(TimeSpan deadline)
    {
        JobSpec.ActiveDeadlineSeconds = (long)Math.Ceiling(deadline.TotalSeconds);
        return (TBuilder)this;
    }

    /// <summary>Deletes the job, with its pods, this long after it finished (Complete or Failed). <value>The default value is never.</value></summary>
    /// <param name="ttl">The time to keep the finished job, at least 0; rounded up to whole seconds.</param>
    /// <returns>This builder.</returns>
    public TBuilder WithTtlAfterFinished(TimeSpan ttl)
    {
        JobSpec.TtlSecondsAfterFinished = (int)Math.Ceiling(ttl.TotalSeconds);
        return (TBuilder)this;
    }

    /// <summary>Sets when exited containers are restarted in place: Never (a failed pod is replaced by a new one) or OnFailure. <value>The default value is <see cref="RestartPolicy.Never"/>.</value></summary>
    /// <param name="policy">Never or OnFailure; Always is rejected, as by Kubernetes.</param>
    /// <returns>This builder.</returns>
    public TBuilder WithRestartPolicy(RestartPolicy policy)
    {
        Template.RestartPolicy = policy;
        return (TBuilder)this;
    }
}
