namespace Orchestration.Sdk.Tests.Docs;

/// <summary>docs/troubleshooting.md names, in code spans, every condition type and reason the SDK writes.</summary>
public class TroubleshootingPageTests
{
    [Fact]
    public void TroubleshootingPage_EveryReasonInSource_IsOnThePage()
    {
        var page = RepositoryFiles.Read("docs/troubleshooting.md");
        var reasons = ReasonHarvest.Collect();

        var missing = reasons.Where(r => !page.Contains($"`{r.Key}`", StringComparison.Ordinal))
            .Select(r => $"{r.Key} ({r.Value})").ToList();

        Assert.True(missing.Count == 0,
            $"docs/troubleshooting.md does not name these reasons or condition types (as `Reason`); add each with what it means and what to do:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", missing)}");
    }

    [Fact]
    public void ReasonHarvest_Source_FindsEachShapeOfReason()
    {
        // One reason written in each shape the harvest reads, so a pattern that stops matching fails here rather than
        // letting the page check above pass on fewer reasons.
        var reasons = ReasonHarvest.Collect();

        Assert.Contains("FailedScheduling", reasons.Keys);      // an event: _events.Warning(pod, "FailedScheduling", …)
        Assert.Contains("ProgressDeadlineExceeded", reasons.Keys); // a condition: new Condition(…Progressing, False, "ProgressDeadlineExceeded", …)
        Assert.Contains("CrashLoopBackOff", reasons.Keys);      // a waiting reason: ContainerState.WaitingFor("CrashLoopBackOff", …)
        Assert.Contains("ErrImagePull", reasons.Keys);          // a runtime error: { Reason = "ErrImagePull" }
        Assert.Contains("Unschedulable", reasons.Keys);         // a constant: const string ReasonUnschedulable = "Unschedulable"
        Assert.Contains("OOMKilled", reasons.Keys);             // a ternary: var reason = c.OomKilled ? "OOMKilled" : …
        Assert.Contains("TooManyReplicas", reasons.Keys);       // a pair: (maxReplicas, "TooManyReplicas", "the desired …")
        Assert.Contains("BackoffLimitExceeded", reasons.Keys);  // a condition type class constant
        Assert.Contains("AlreadyExists", reasons.Keys);         // an API status: new(409, "AlreadyExists", …)
        Assert.Contains("NonZeroExitCode", reasons.Keys);       // ["reason"] = "NonZeroExitCode"
        Assert.DoesNotContain("BackoffLimitExceededMessage", reasons.Keys);
        Assert.DoesNotContain("Age", reasons.Keys);             // a table column, not a reason
        Assert.True(reasons.Count > 80, $"only {reasons.Count} reasons found: {string.Join(", ", reasons.Keys)}");
    }
}
