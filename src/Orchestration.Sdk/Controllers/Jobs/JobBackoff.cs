namespace Orchestration.Sdk.Controllers.Jobs;

/// <summary>
/// The delay before a job replaces failed pods, as Kubernetes' job controller: 10 s after the first failure since the
/// last success, doubling with each further one, capped at 6 minutes.
/// </summary>
internal static class JobBackoff
{
    /// <summary>The first delay (the job controller's DefaultJobPodFailureBackOff).</summary>
    public static readonly TimeSpan Initial = TimeSpan.FromSeconds(10);

    /// <summary>The cap (the job controller's MaxJobPodFailureBackOff).</summary>
    public static readonly TimeSpan Max = TimeSpan.FromMinutes(6);

    /// <summary>The delay after <paramref name="failuresAfterLastSuccess"/> failures; zero for none.</summary>
    public static TimeSpan Delay(int failuresAfterLastSuccess)
    {
        if (failuresAfterLastSuccess <= 0)
        {
            return TimeSpan.Zero;
        }

        var delay = Initial;
        for (var i = 1; i < failuresAfterLastSuccess && delay < Max; i++)
        {
            delay *= 2;
        }

        return delay < Max ? delay : Max;
    }
}
