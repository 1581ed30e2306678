using Microsoft.Extensions.DependencyInjection;
using Orchestration.Sdk.Hosting;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker.Tests.Unit;

public sealed class DockerEngineOptionsTests
{
    [Fact]
    public async Task UseDocker_SeveralEngines_ANodeEachWithItsLabelsTaintsAndEndpoint()
    {
        var services = new ServiceCollection();
        new Builder(services).UseDocker(o => o
            .AddEngine("local", "unix:///nonexistent/docker.sock")
            .AddEngine("gpu-box", "tcp://127.0.0.1:1", e => e.WithLabel("gpu", "true").WithTaint("gpu", "", TaintEffect.NoSchedule))
            .AddEngine("podman", "unix:///nonexistent/podman.sock", e => e.WithLabel("kubernetes.io/hostname", "laptop")));

        await using var provider = services.BuildServiceProvider();
        var nodes = Assert.IsType<DockerNodeProvider>(provider.GetRequiredService<INodeProvider>());
        Assert.Equal(["local", "gpu-box", "podman"], nodes.Nodes.Select(n => n.Name));
        Assert.Equal(3, nodes.Runtimes.Distinct().Count());
        Assert.Equal(new Uri("tcp://127.0.0.1:1"), nodes.Runtimes[1].Endpoint);
        Assert.Equal("true", nodes.Nodes[1].Labels["gpu"]);
        Assert.Equal("gpu-box", nodes.Nodes[1].Labels["kubernetes.io/hostname"]);
        Assert.Equal("laptop", nodes.Nodes[2].Labels["kubernetes.io/hostname"]); // a label set on the engine wins
        Assert.Equal([new Taint("gpu", "", TaintEffect.NoSchedule)], nodes.Nodes[1].Taints);
        Assert.Empty(nodes.Nodes[0].Taints);
        Assert.All(nodes.Runtimes, r => Assert.Equal(nodes.Runtimes[0].Options.AppName, r.Options.AppName)); // one app across engines
    }

    [Fact]
    public async Task UseDocker_NoEngines_OneNodeAtTheEndpointNamedNodeName()
    {
        var services = new ServiceCollection();
        new Builder(services).UseDocker(o =>
        {
            o.Endpoint = "unix:///nonexistent/docker.sock";
            o.NodeName = "only";
        });

        await using var provider = services.BuildServiceProvider();
        var node = Assert.Single(provider.GetRequiredService<INodeProvider>().Nodes);
        Assert.Equal("only", node.Name);
    }

    [Theory]
    [InlineData(null, null, 2000, 8L << 30)]
    [InlineData("3500m", null, 3500, 8L << 30)]
    [InlineData(null, "2Gi", 2000, 2L << 30)]
    [InlineData("16", "64Gi", 16000, 64L << 30)]
    public void Capacity_FromTheEngineUnlessConfigured(string? cpu, string? memory, long expectedMilliCpu, long expectedMemory)
    {
        var engine = new DockerEngineOptions("e", "unix:///x.sock").WithCapacity(cpu, memory);

        var info = DockerNodeCapacity.Of(engine, new Uri("unix:///x.sock"), engineCpus: 2, engineMemoryBytes: 8L << 30, "docker 20.10");

        Assert.Equal(expectedMilliCpu, info.CpuMilliCores);
        Assert.Equal(expectedMemory, info.MemoryBytes);
    }

    [Theory]
    [InlineData("tcp://192.0.2.10:2376", null, "192.0.2.10")]
    [InlineData("unix:///x.sock", null, "127.0.0.1")]
    [InlineData("unix:///x.sock", "10.250.0.11", "10.250.0.11")]
    public void Address_TheTcpHost_ElseLoopback_UnlessConfigured(string endpoint, string? address, string expected)
    {
        var engine = new DockerEngineOptions("e", endpoint) { Address = address };

        Assert.Equal(expected, DockerNodeCapacity.Of(engine, new Uri(endpoint), 1, 1, "v").Address);
    }

    [Fact]
    public void Validate_BadEngines_EveryErrorWithItsPath()
    {
        var options = new DockerRuntimeOptions { AppName = "shop", ServiceAddress = "not-an-ip" };
        options.AddEngine("Bad_Name", "ftp://nowhere")
            .AddEngine("dup", "unix:///a.sock", e => e.WithCapacity(cpu: "lots", memory: "much"))
            .AddEngine("dup", "unix:///b.sock", e => e.WithTls("/nonexistent/certs"));

        var result = new DockerRuntimeOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Contains(failures, f => f.StartsWith("DockerRuntimeOptions.ServiceAddress: Invalid value: \"not-an-ip\"", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("DockerRuntimeOptions.Engines[0].Name: Invalid value: \"Bad_Name\"", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("DockerRuntimeOptions.Engines[0].Endpoint: Invalid value: \"ftp://nowhere\"", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("DockerRuntimeOptions.Engines[1].Cpu: Invalid value: \"lots\"", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("DockerRuntimeOptions.Engines[1].Memory: Invalid value: \"much\"", StringComparison.Ordinal));
        Assert.Contains(failures, f => f == "DockerRuntimeOptions.Engines[2].Name: Invalid value: \"dup\": Duplicate value: another engine has this name");
        Assert.Contains(failures, f => f == "DockerRuntimeOptions.Engines[2].TlsCertificateDirectory: Invalid value: \"/nonexistent/certs\": TLS needs a tcp:// or https:// endpoint");
        Assert.Contains(failures, f => f.EndsWith("must hold cert.pem (the client certificate and its key)", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_TlsEngineWithItsCertificates_IsValid()
    {
        var certs = Directory.CreateTempSubdirectory("orchestration-tls-");
        try
        {
            File.WriteAllText(Path.Combine(certs.FullName, "cert.pem"), "x");
            File.WriteAllText(Path.Combine(certs.FullName, "key.pem"), "x");
            var options = new DockerRuntimeOptions { AppName = "shop", ServiceAddress = "10.250.0.1" };
            options.AddEngine("remote", "tcp://192.0.2.10:2376", e => e.WithTls(certs.FullName).WithCapacity("4", "8Gi"));

            var result = new DockerRuntimeOptionsValidator().Validate(null, options);

            Assert.True(result.Succeeded, string.Join("; ", result.Failures ?? []));
        }
        finally
        {
            certs.Delete(recursive: true);
        }
    }

    [Fact]
    public void ForEngine_CopiesTheSharedOptions_WithTheEnginesEndpointAndName()
    {
        var options = new DockerRuntimeOptions { AppName = "shop", CallTimeout = TimeSpan.FromSeconds(7) };
        options.AddEngine("e2", "unix:///run/orch-e2/docker.sock");

        var copy = options.ForEngine(options.Engines[0]);

        Assert.Equal(("shop", "e2", "unix:///run/orch-e2/docker.sock"), (copy.AppName, copy.NodeName, copy.Endpoint));
        Assert.Equal(TimeSpan.FromSeconds(7), copy.CallTimeout);
        Assert.Same(options.Engines[0], copy.Engine);
        Assert.Null(options.Engine);
    }

    private sealed class Builder(IServiceCollection services) : IOrchestrationBuilder
    {
        public IServiceCollection Services { get; } = services;
    }
}
