using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Orchestration.Sdk.Hosting;

namespace Orchestration.Sdk.Tests.Hosting;

/// <summary>The core registers no logging implementation: it logs through the host's, whenever that is added.</summary>
public sealed class HostLoggingTests
{
    [Fact]
    public void AddOrchestration_NoLogging_LoggersResolveAndLogNowhere()
    {
        using var provider = new ServiceCollection().AddOrchestration().Services.BuildServiceProvider();

        var logger = provider.GetRequiredService<ILogger<HostLoggingTests>>();

        Assert.False(logger.IsEnabled(LogLevel.Critical));
        Assert.Null(provider.GetService<ILoggerFactory>());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AddOrchestration_HostLoggingBeforeOrAfter_LogsThroughTheHostsProviders(bool loggingFirst)
    {
        var collector = new FakeLogCollector();
        var services = new ServiceCollection();
        if (loggingFirst)
        {
            services.AddLogging(l => l.AddProvider(new FakeLoggerProvider(collector)));
        }

        services.AddOrchestration();
        if (!loggingFirst)
        {
            services.AddLogging(l => l.AddProvider(new FakeLoggerProvider(collector)));
        }

        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<ILogger<OrchestrationRunner>>().LogWarning("hello");

        var record = Assert.Single(collector.GetSnapshot());
        Assert.Equal("hello", record.Message);
        Assert.Equal(typeof(OrchestrationRunner).FullName, record.Category);
    }
}
