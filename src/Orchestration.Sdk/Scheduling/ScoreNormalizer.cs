namespace Orchestration.Sdk.Scheduling;

/// <summary>kube-scheduler's DefaultNormalizeScore: scales counts to 0..100, optionally reversed (fewer is better).</summary>
internal static class ScoreNormalizer
{
    public static void Normalize(Span<long> scores, bool reverse)
    {
        long max = 0;
        foreach (var s in scores)
        {
            max = Math.Max(max, s);
        }

        if (max == 0)
        {
            if (reverse)
            {
                scores.Fill(SchedulingFramework.MaxNodeScore);
            }

            return;
        }

        for (var i = 0; i < scores.Length; i++)
        {
            var score = SchedulingFramework.MaxNodeScore * scores[i] / max;
            scores[i] = reverse ? SchedulingFramework.MaxNodeScore - score : score;
        }
    }
}
