using CustomKind;

namespace Orchestration.Sdk.Extensibility.Tests;

/// <summary>samples/CustomKind's story, run as CI runs the tests: a Website kind and its reconciler, public API only.</summary>
public sealed class CustomKindSampleTests
{
    [Fact]
    public async Task WebsiteApp_RunsItsStory_ExitsZeroWithTheExpectedLines()
    {
        using var output = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var exitCode = await WebsiteApp.RunAsync(output, timeout.Token);

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.True(exitCode == 0, output.ToString());
        Assert.Collection(
            lines,
            l => Assert.Equal("Refused website broken: websites[broken].spec.image: must not be empty; websites[broken].spec.replicas: must be greater than or equal to 0", l),
            l => Assert.Equal("Created website shop (nginx:1.27, 2 replicas, port 8080)", l),
            l => Assert.Matches(@"^Website shop is ready: 2/2 replicas at http://\d+\.\d+\.\d+\.\d+:8080$", l),
            l => Assert.Equal("It owns deployment shop and service shop (controller: Website/shop)", l),
            l => Assert.Equal("Deleted website shop", l),
            l => Assert.Equal("Deployment shop and service shop were garbage-collected", l));
    }
}
