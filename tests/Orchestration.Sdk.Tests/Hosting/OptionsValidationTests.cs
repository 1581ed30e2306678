using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Autoscaling;
using Orchestration.Sdk.Controllers.Engine;
using Orchestration.Sdk.Controllers.NodeLifecycle;
using Orchestration.Sdk.Networking.Proxy;
using Orchestration.Sdk.Runtime.NodeAgents;
using Orchestration.Sdk.Scheduling;
using Orchestration.Sdk.Secrets;
using Orchestration.Sdk.Store;
using Orchestration.Sdk.Testing;

namespace Orchestration.Sdk.Tests.Hosting;

/// <summary>Every options class is validated when the host starts; a bad value names the option and the rule.</summary>
public class OptionsValidationTests
{
    public static TheoryData<string, Action<IServiceCollection>, string> BadOptions => new()
    {
        { "store history", s => s.Configure<StoreOptions>(o => o.HistoryCapacity = 0), "StoreOptions.HistoryCapacity: Invalid value: 0: must be greater than 0" },
        { "store buffer", s => s.Configure<StoreOptions>(o => o.WatcherBufferCapacity = -1), "StoreOptions.WatcherBufferCapacity: Invalid value: -1: must be greater than 0" },
        { "store path", s => s.Configure<StoreOptions>(o => o.PersistencePath = " "), "StoreOptions.PersistencePath: Invalid value: \" \": must not be empty" },
        { "controller workers", s => s.Configure<ControllerOptions>(o => o.MaxConcurrentReconciles = 0), "ControllerOptions.MaxConcurrentReconciles: Invalid value: 0: must be greater than 0" },
        { "controller backoff", s => s.Configure<ControllerOptions>(o => o.ErrorBackoffMax = TimeSpan.FromMilliseconds(1)), "ControllerOptions.ErrorBackoffMax: Invalid value: \"00:00:00.0010000\": must be greater than or equal to ControllerOptions.ErrorBackoffBase" },
        { "controller resync", s => s.Configure<ControllerOptions>(o => o.ResyncPeriod = TimeSpan.Zero), "ControllerOptions.ResyncPeriod: Invalid value: \"00:00:00\": must be greater than 0" },
        { "lifecycle period", s => s.Configure<NodeLifecycleOptions>(o => o.MonitorPeriod = TimeSpan.Zero), "NodeLifecycleOptions.MonitorPeriod: Invalid value: \"00:00:00\": must be greater than 0" },
        { "lifecycle grace", s => s.Configure<NodeLifecycleOptions>(o => o.NodeMonitorGracePeriod = TimeSpan.FromSeconds(-1)), "NodeLifecycleOptions.NodeMonitorGracePeriod: Invalid value: \"-00:00:01\": must be greater than 0" },
        { "lifecycle toleration", s => s.Configure<NodeLifecycleOptions>(o => o.DefaultTolerationSeconds = -1), "NodeLifecycleOptions.DefaultTolerationSeconds: Invalid value: -1: must be greater than or equal to 0" },
        { "agent heartbeat", s => s.Configure<NodeAgentOptions>(o => o.HeartbeatInterval = TimeSpan.Zero), "NodeAgentOptions.HeartbeatInterval: Invalid value: \"00:00:00\": must be greater than 0" },
        { "agent crash backoff", s => s.Configure<NodeAgentOptions>(o => o.MaxBackoff = TimeSpan.FromSeconds(5)), "NodeAgentOptions.MaxBackoff: Invalid value: \"00:00:05\": must be greater than or equal to NodeAgentOptions.InitialBackoff" },
        { "agent initial backoff", s => s.Configure<NodeAgentOptions>(o => o.InitialBackoff = TimeSpan.FromSeconds(-1)), "NodeAgentOptions.InitialBackoff: Invalid value: \"-00:00:01\": must be greater than or equal to 0" },
        { "agent reset", s => s.Configure<NodeAgentOptions>(o => o.BackoffResetAfter = TimeSpan.Zero), "NodeAgentOptions.BackoffResetAfter: Invalid value: \"00:00:00\": must be greater than 0" },
        { "agent retry backoff", s => s.Configure<NodeAgentOptions>(o => o.RuntimeRetryMaxBackoff = TimeSpan.FromMilliseconds(10)), "NodeAgentOptions.RuntimeRetryMaxBackoff: Invalid value: \"00:00:00.0100000\": must be greater than or equal to NodeAgentOptions.RuntimeRetryInitialBackoff" },
        { "agent app name", s => s.Configure<NodeAgentOptions>(o => o.ApplicationName = ""), "NodeAgentOptions.ApplicationName: Invalid value: \"\": must not be empty" },
        { "scheduler percentage", s => s.Configure<SchedulerOptions>(o => o.PercentageOfNodesToScore = 101), "SchedulerOptions.PercentageOfNodesToScore: Invalid value: 101: must be between 0 and 100, inclusive" },
        { "scheduler retry", s => s.Configure<SchedulerOptions>(o => o.UnschedulableRetryInterval = TimeSpan.Zero), "SchedulerOptions.UnschedulableRetryInterval: Invalid value: \"00:00:00\": must be greater than 0" },
        { "scheduler spread", s => s.Configure<SchedulerOptions>(o => o.SpreadWeight = -2), "SchedulerOptions.SpreadWeight: Invalid value: -2: must be greater than or equal to 0" },
        { "scheduler strategy", s => s.Configure<SchedulerOptions>(o => o.ScoringStrategy = (ScoringStrategy)42), "SchedulerOptions.ScoringStrategy: Invalid value: 42: supported values: " },
        { "autoscaler period", s => s.Configure<AutoscalerOptions>(o => o.SyncPeriod = TimeSpan.Zero), "AutoscalerOptions.SyncPeriod: Invalid value: \"00:00:00\": must be greater than 0" },
        { "autoscaler events", s => s.Configure<AutoscalerOptions>(o => o.EventCapacity = 0), "AutoscalerOptions.EventCapacity: Invalid value: 0: must be greater than 0" },
        { "proxy timeout", s => s.Configure<ServiceProxyOptions>(o => o.ConnectTimeout = TimeSpan.Zero), "ServiceProxyOptions.ConnectTimeout: Invalid value: \"00:00:00\": must be greater than 0" },
        { "proxy address", s => s.Configure<ServiceProxyOptions>(o => o.HostAddress = "localhost"), "ServiceProxyOptions.HostAddress: Invalid value: \"localhost\": must be a valid IP address" },
        { "proxy retry", s => s.Configure<ServiceProxyOptions>(o => o.ListenRetryInterval = TimeSpan.FromSeconds(-5)), "ServiceProxyOptions.ListenRetryInterval: Invalid value: \"-00:00:05\": must be greater than 0" },
        {
            "secret keys",
            s => s.Configure<SecretEncryptionOptions>(o =>
            {
                o.Keys.Add(SecretEncryptionKey.CreateRandom("k1"));
                o.Keys.Add(SecretEncryptionKey.CreateRandom("k1"));
            }),
            "SecretEncryptionOptions.Keys[1].Name: Duplicate value: \"k1\""
        },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public async Task HostStart_BadOption_FailsNamingTheOptionAndTheRule(string name, Action<IServiceCollection> configure, string expected)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider());
        configure(builder.Services);
        builder.Services.AddOrchestration(app => app.AddDeployment("web").WithImage("web:1")).UseInMemoryRuntime(nodes => nodes.Add("n1"));
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.False(string.IsNullOrEmpty(name));
        Assert.StartsWith(expected, Assert.Single(ex.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestClusterStart_BadOption_FailsAsTheHostDoes()
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => TestCluster.StartAsync(
            time: new FakeTimeProvider(),
            configureServices: s => s.Configure<SchedulerOptions>(o => o.PercentageOfNodesToScore = -1)));

        Assert.Equal("SchedulerOptions.PercentageOfNodesToScore: Invalid value: -1: must be between 0 and 100, inclusive", Assert.Single(ex.Failures));
    }

    [Fact]
    public void Validate_SeveralBrokenRules_ReportsEveryOne()
    {
        var result = new NodeAgentOptionsValidator().Validate(null, new NodeAgentOptions
        {
            HeartbeatInterval = TimeSpan.Zero,
            MaxBackoff = TimeSpan.FromSeconds(1),
            RuntimeRetryMaxBackoff = TimeSpan.Zero,
        });

        Assert.True(result.Failed);
        Assert.Equal(
            ["NodeAgentOptions.HeartbeatInterval", "NodeAgentOptions.MaxBackoff", "NodeAgentOptions.RuntimeRetryMaxBackoff"],
            result.Failures!.Select(f => f[..f.IndexOf(':', StringComparison.Ordinal)]));
    }

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new StoreOptionsValidator().Validate(null, new StoreOptions()).Succeeded);
        Assert.True(new ControllerOptionsValidator().Validate(null, new ControllerOptions()).Succeeded);
        Assert.True(new ControllerOptionsValidator().Validate(null, new ControllerOptions { ResyncPeriod = Timeout.InfiniteTimeSpan }).Succeeded);
        Assert.True(new NodeLifecycleOptionsValidator().Validate(null, new NodeLifecycleOptions()).Succeeded);
        Assert.True(new NodeAgentOptionsValidator().Validate(null, new NodeAgentOptions()).Succeeded);
        Assert.True(new SchedulerOptionsValidator().Validate(null, new SchedulerOptions()).Succeeded);
        Assert.True(new AutoscalerOptionsValidator().Validate(null, new AutoscalerOptions()).Succeeded);
        Assert.True(new ServiceProxyOptionsValidator().Validate(null, new ServiceProxyOptions()).Succeeded);
        Assert.True(new SecretEncryptionOptionsValidator().Validate(null, new SecretEncryptionOptions()).Succeeded);
    }
}
