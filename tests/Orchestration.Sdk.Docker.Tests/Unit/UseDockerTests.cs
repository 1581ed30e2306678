using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orchestration.Sdk.Hosting;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Runtime.NodeAgents;

namespace Orchestration.Sdk.Docker.Tests.Unit;

public sealed class UseDockerTests
{
    [Fact]
    public async Task UseDocker_ReplacesNodeProviderWithTheEngineAsOneNode()
    {
        var services = new ServiceCollection();
        services.AddSingleton<INodeProvider, OtherProvider>();
        var builder = new Builder(services);

        builder.UseDocker(o =>
        {
            o.AppName = "shop";
            o.NodeName = "engine-1";
            o.Endpoint = "unix:///nonexistent/docker.sock";
            o.Lifetime = DockerLifetime.Persistent;
        });

        await using var provider = services.BuildServiceProvider();
        var nodes = provider.GetRequiredService<INodeProvider>();
        Assert.IsType<DockerNodeProvider>(nodes);
        Assert.Single(services, d => d.ServiceType == typeof(INodeProvider));
        var node = Assert.Single(nodes.Nodes);
        Assert.Equal("engine-1", node.Name);
        Assert.Equal("docker", node.Runtime.RuntimeName);
        Assert.Equal("engine-1", node.Labels["kubernetes.io/hostname"]);
    }

    [Fact]
    public void UseDocker_AgentApplicationNameUnset_DefaultsToTheDockerAppName()
    {
        var services = new ServiceCollection();

        new Builder(services).UseDocker(o => o.AppName = "shop");

        using var provider = services.BuildServiceProvider();
        Assert.Equal("shop", provider.GetRequiredService<IOptions<NodeAgentOptions>>().Value.ApplicationName);
    }

    [Fact]
    public void UseDocker_AgentApplicationNameDiffers_ResolvingTheNodesFailsWithBothNames()
    {
        var services = new ServiceCollection();
        services.Configure<NodeAgentOptions>(o => o.ApplicationName = "billing");

        new Builder(services).UseDocker(o => o.AppName = "shop");

        using var provider = services.BuildServiceProvider();
        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<INodeProvider>());
        Assert.Contains("'billing'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'shop'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DockerRuntimeOptions_Defaults_AsDocumented()
    {
        var options = new DockerRuntimeOptions();

        Assert.Null(options.Endpoint);
        Assert.Equal(DockerLifetime.RemoveOnShutdown, options.Lifetime);
        Assert.Equal(ImagePullPolicy.IfNotPresent, options.PullPolicy);
        Assert.Equal(TimeSpan.FromSeconds(30), options.CallTimeout);
        Assert.Equal(3, options.MaxCallAttempts);
        Assert.Equal("orchestration/pause:1", options.PauseImage);
        Assert.Equal("orchestration-" + options.AppName, options.EffectiveNetworkName);
        Assert.Matches("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", options.AppName);
        Assert.Matches("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", options.NodeName);
    }

    [Fact]
    public void UseDocker_OptionsConfigured_AreTheOnesResolved()
    {
        var services = new ServiceCollection();

        new Builder(services).UseDocker(o => o.PullPolicy = ImagePullPolicy.Never);

        using var provider = services.BuildServiceProvider();
        Assert.Equal(ImagePullPolicy.Never, provider.GetRequiredService<IOptions<DockerRuntimeOptions>>().Value.PullPolicy);
    }

    public static TheoryData<Action<DockerRuntimeOptions>, string> BadOptions => new()
    {
        { o => o.AppName = "Shop_1", "DockerRuntimeOptions.AppName: Invalid value: \"Shop_1\": a lowercase RFC 1123 label must consist of" },
        { o => o.NodeName = " ", "DockerRuntimeOptions.NodeName: Invalid value: \" \": must not be empty" },
        { o => o.CallTimeout = TimeSpan.Zero, "DockerRuntimeOptions.CallTimeout: Invalid value: \"00:00:00\": must be greater than 0" },
        { o => o.MaxCallAttempts = 0, "DockerRuntimeOptions.MaxCallAttempts: Invalid value: \"0\": must be greater than 0" },
        { o => o.PullTimeout = TimeSpan.FromSeconds(-1), "DockerRuntimeOptions.PullTimeout: Invalid value: \"-00:00:01\": must be greater than 0" },
        { o => o.PauseImage = "", "DockerRuntimeOptions.PauseImage: Invalid value: \"\": must not be empty" },
        { o => o.NetworkName = "", "DockerRuntimeOptions.NetworkName: Invalid value: \"\": must not be empty" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public async Task HostStart_BadDockerOption_FailsNamingTheOptionAndTheRule(Action<DockerRuntimeOptions> configure, string expected)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddOrchestration().UseDocker(o =>
        {
            o.Endpoint = "unix:///nonexistent/docker.sock";
            configure(o);
        });
        using var host = builder.Build();

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        // The node agent and store options read the Docker options, so their validation reports the same failure too.
        var failures = (ex is AggregateException all ? all.InnerExceptions : [ex]).Select(Assert.IsType<OptionsValidationException>).SelectMany(e => e.Failures).Distinct();
        Assert.StartsWith(expected, Assert.Single(failures), StringComparison.Ordinal);
    }

    private sealed class Builder(IServiceCollection services) : IOrchestrationBuilder
    {
        public IServiceCollection Services { get; } = services;
    }

    private sealed class OtherProvider : INodeProvider
    {
        public IReadOnlyList<RuntimeNode> Nodes => [];

        public event EventHandler<RuntimeNode>? NodeAdded
        {
            add { }
            remove { }
        }
    }
}
