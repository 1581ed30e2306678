using Orchestration.Sdk.Autoscaling;

namespace Orchestration.Sdk.Tests.Autoscaling;

public class ScaleNormalizerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly HorizontalPodAutoscalerBehavior Defaults = new();

    [Theory]
    [InlineData(2, 20, 6)] // max(2 + 4 pods, 2 × 2) = 6
    [InlineData(10, 100, 20)] // max(10 + 4, 10 × 2) = 20
    [InlineData(1, 3, 3)] // within both limits
    public void Normalize_ScaleUp_LimitedToMaxOfFourPodsAndDouble(int current, int desired, int expected)
    {
        var n = ScaleNormalizer.Normalize(new ScaleHistory(), T0, current, desired, 1, 1000, Defaults);

        Assert.Equal(expected, n.Replicas);
        Assert.Equal(expected != desired, n.Limited);
        if (n.Limited)
        {
            Assert.Equal("ScaleUpLimit", n.LimitReason);
        }
    }

    [Fact]
    public void Normalize_SecondScaleUpInSamePeriod_CountsFromPeriodStart()
    {
        var h = new ScaleHistory();
        var first = ScaleNormalizer.Normalize(h, T0, 2, 50, 1, 100, Defaults);
        h.RecordScale(T0, 2, first.Replicas, Defaults);

        var sameSecondPeriod = ScaleNormalizer.Normalize(h, T0.AddSeconds(10), 6, 50, 1, 100, Defaults);
        var nextPeriod = ScaleNormalizer.Normalize(h, T0.AddSeconds(15), 6, 50, 1, 100, Defaults);

        Assert.Equal(6, first.Replicas);
        Assert.Equal(6, sameSecondPeriod.Replicas);
        Assert.Equal(12, nextPeriod.Replicas);
    }

    [Fact]
    public void Normalize_ScaleDown_HighestRecommendationOfTheWindowWins()
    {
        var h = new ScaleHistory();
        ScaleNormalizer.Normalize(h, T0, 10, 10, 1, 100, Defaults);

        var during = ScaleNormalizer.Normalize(h, T0.AddSeconds(299), 10, 2, 1, 100, Defaults);
        var after = ScaleNormalizer.Normalize(h, T0.AddSeconds(300), 10, 2, 1, 100, Defaults);

        Assert.Equal(10, during.Replicas);
        Assert.Equal("ScaleDownStabilized", during.AbleReason);
        Assert.Equal(2, after.Replicas);
        Assert.Equal("ReadyForNewScale", after.AbleReason);
    }

    [Fact]
    public void Normalize_NewAutoscaler_DoesNotScaleDownBeforeAWindow()
    {
        var h = new ScaleHistory();

        Assert.Equal(8, ScaleNormalizer.Normalize(h, T0, 8, 2, 1, 100, Defaults).Replicas);
        Assert.Equal(2, ScaleNormalizer.Normalize(h, T0.AddSeconds(301), 8, 2, 1, 100, Defaults).Replicas);
    }

    [Theory]
    [InlineData(10, 0, 3, 3, "TooFewReplicas")]
    [InlineData(5, 50, 8, 8, "TooManyReplicas")]
    public void Normalize_Bounds_ClampWithKubernetesReason(int current, int desired, int min, int expected, string reason)
    {
        var noWindow = Defaults with { ScaleDown = new ScalingRules { StabilizationWindowSeconds = 0 } };
        var n = ScaleNormalizer.Normalize(new ScaleHistory(), T0, current, desired, min, Math.Max(min, expected), noWindow);

        Assert.Equal(expected, n.Replicas);
        Assert.True(n.Limited);
        Assert.Equal(reason, n.LimitReason);
    }

    [Fact]
    public void Normalize_CustomScaleDownPolicy_OnePodPerMinute()
    {
        var behavior = Defaults with
        {
            ScaleDown = new ScalingRules { StabilizationWindowSeconds = 0, Policies = [new ScalingPolicy(ScalingPolicyType.Pods, 1, 60)] },
        };
        var h = new ScaleHistory();

        var first = ScaleNormalizer.Normalize(h, T0, 10, 2, 1, 100, behavior);
        h.RecordScale(T0, 10, first.Replicas, behavior);
        var again = ScaleNormalizer.Normalize(h, T0.AddSeconds(30), 9, 2, 1, 100, behavior);
        var later = ScaleNormalizer.Normalize(h, T0.AddSeconds(60), 9, 2, 1, 100, behavior);

        Assert.Equal(9, first.Replicas);
        Assert.Equal("ScaleDownLimit", first.LimitReason);
        Assert.Equal(9, again.Replicas);
        Assert.Equal(8, later.Replicas);
    }

    [Fact]
    public void Normalize_ScaleUpDisabled_KeepsCurrent()
    {
        var behavior = Defaults with { ScaleUp = new ScalingRules { SelectPolicy = ScalingPolicySelect.Disabled } };

        Assert.Equal(3, ScaleNormalizer.Normalize(new ScaleHistory(), T0, 3, 9, 1, 100, behavior).Replicas);
    }

    [Fact]
    public void Normalize_MinPolicySelect_TakesSmallestChange()
    {
        var behavior = Defaults with { ScaleUp = ScalingRules.DefaultScaleUp with { SelectPolicy = ScalingPolicySelect.Min } };

        // min(10 + 4, 10 × 2) = 14
        Assert.Equal(14, ScaleNormalizer.Normalize(new ScaleHistory(), T0, 10, 100, 1, 100, behavior).Replicas);
    }

    [Fact]
    public void Normalize_ScaleUpStabilizationWindow_LowestRecentRecommendationWins()
    {
        var behavior = Defaults with { ScaleUp = ScalingRules.DefaultScaleUp with { StabilizationWindowSeconds = 60 } };
        var h = new ScaleHistory();
        ScaleNormalizer.Normalize(h, T0, 3, 3, 1, 100, behavior);

        var during = ScaleNormalizer.Normalize(h, T0.AddSeconds(30), 3, 6, 1, 100, behavior);
        var after = ScaleNormalizer.Normalize(h, T0.AddSeconds(61), 3, 6, 1, 100, behavior);

        Assert.Equal(3, during.Replicas);
        Assert.Equal("ScaleUpStabilized", during.AbleReason);
        Assert.Equal(6, after.Replicas);
    }
}
