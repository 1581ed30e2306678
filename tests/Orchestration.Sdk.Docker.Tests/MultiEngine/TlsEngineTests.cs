using Orchestration.Sdk.Docker.Tests.Support;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker.Tests.MultiEngine;

/// <summary>A remote engine over TCP with TLS client certificates (an engine's --tlsverify listener, certificates made with openssl by engines.sh).</summary>
[Collection(EngineCollection.Name)]
public sealed class TlsEngineTests
{
    [ExtraEngineFact(tls: true)]
    public async Task RemoteEngineOverTls_WithTheClientCertificate_IsANodeThatRunsPods()
    {
        // The TLS listener belongs to one of the extra engines: have the image on every one (through its socket), so the
        // test does not depend on another test having built it there first (a fresh engine has none).
        foreach (var engine in TestEngines.Endpoints)
        {
            await TestImage.EnsureBuiltAsync(engine);
        }

        var host = await EngineCluster.StartAsync(1, app =>
            app.AddDeployment("web").WithImage(TestImage.Name).WithReplicas(1).WithCommand("/bin/sleep", "3600")
                .WithNodeSelector("engine", "remote").WithTerminationGracePeriod(TimeSpan.FromSeconds(1)),
            o => o.AddEngine("remote", TestEngines.TlsEngine!, e => e.WithLabel("engine", "remote").WithTls(TestEngines.TlsCertificates!)));
        try
        {
            var pods = await host.WaitForPodsAsync("the pod runs on the TLS engine", p => DockerOrchestrator.AllRunning(p, 1), TimeSpan.FromSeconds(90));
            Assert.Equal("remote", pods[0].Spec.NodeName);
            var node = (await host.Client.GetAsync<Node>("remote"))!;
            Assert.True(node.Status.IsReady);
            Assert.Equal(new Uri(TestEngines.TlsEngine!).Host, node.Status.Address); // a tcp engine's address is its host
            var containers = await EngineCluster.ContainersOnAsync(host, "remote");
            Assert.Contains(containers, c => c.State == "running" && c.Labels[RuntimeLabels.PodUid] == pods[0].Metadata.Uid);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [ExtraEngineFact(tls: true)]
    public async Task RemoteEngineOverTls_WithoutAClientCertificate_IsRefused()
    {
        var options = new DockerRuntimeOptions { AppName = DockerTestRuntime.NewAppName(), CallTimeout = TimeSpan.FromSeconds(10) };
        options.AddEngine("remote", TestEngines.TlsEngine!);
        await using var runtime = new DockerContainerRuntime(options.ForEngine(options.Engines[0]), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        var error = await Assert.ThrowsAsync<ContainerRuntimeException>(() => runtime.GetInfoAsync(CancellationToken.None));
        Assert.Contains(TestEngines.TlsEngine!.Replace("tcp://", string.Empty, StringComparison.Ordinal), error.Message, StringComparison.Ordinal);
    }
}
