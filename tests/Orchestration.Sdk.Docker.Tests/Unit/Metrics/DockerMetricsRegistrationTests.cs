using Microsoft.Extensions.DependencyInjection;
using Orchestration.Sdk.Autoscaling;
using Orchestration.Sdk.Docker.Metrics;
using Orchestration.Sdk.Hosting;

namespace Orchestration.Sdk.Docker.Tests.Unit.Metrics;

public sealed class DockerMetricsRegistrationTests
{
    [Fact]
    public async Task UseDocker_AfterAddOrchestration_AutoscalersReadTheEnginesStats()
    {
        var services = new ServiceCollection();

        services.AddOrchestration().UseDocker(Offline);

        await using var provider = services.BuildServiceProvider();
        Assert.IsType<DockerPodMetrics>(provider.GetRequiredService<IPodMetricsProvider>());
        Assert.Single(services, d => d.ServiceType == typeof(IPodMetricsProvider));
    }

    [Fact]
    public async Task UseDocker_BeforeAddOrchestration_AutoscalersStillReadTheEnginesStats()
    {
        var services = new ServiceCollection();

        new Builder(services).UseDocker(Offline);
        services.AddOrchestration();

        await using var provider = services.BuildServiceProvider();
        Assert.IsType<DockerPodMetrics>(provider.GetRequiredService<IPodMetricsProvider>());
    }

    [Fact]
    public async Task UseDocker_ThenInMemoryRuntime_AutoscalersReadTheInMemoryMetrics()
    {
        var services = new ServiceCollection();

        services.AddOrchestration().UseDocker(Offline).UseInMemoryRuntime();

        await using var provider = services.BuildServiceProvider();
        Assert.Same(provider.GetRequiredService<InMemoryMetrics>(), provider.GetRequiredService<IPodMetricsProvider>());
    }

    private static void Offline(DockerRuntimeOptions options)
    {
        options.AppName = "shop";
        options.Endpoint = "unix:///nonexistent/docker.sock";
    }

    private sealed class Builder(IServiceCollection services) : IOrchestrationBuilder
    {
        public IServiceCollection Services { get; } = services;
    }
}
