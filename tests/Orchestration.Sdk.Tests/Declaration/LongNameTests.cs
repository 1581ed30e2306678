using Orchestration.Sdk.Model;
using Orchestration.Sdk.Testing;

namespace Orchestration.Sdk.Tests.Declaration;

/// <summary>Names longer than a label (DNS-1123 subdomains), and the names Kubernetes derives from them.</summary>
public class LongNameTests
{
    private static readonly string LongName = "checkout-service-with-a-very-long-name.payments.example-company.internal.v2"; // 75 characters

    [Fact]
    public async Task Deployment_WithASubdomainNameLongerThan63_RunsPodsWithGenerateNameStyleNames()
    {
        await using var cluster = await TestCluster.StartAsync(app => app.AddDeployment(LongName).WithImage("nginx").WithReplicas(2));

        await cluster.WaitForReadyReplicasAsync(LongName, 2);

        var pods = cluster.Pods().Where(p => p.Metadata.OwnerReferences.Count > 0).ToList();
        Assert.Equal(2, pods.Count);
        var rsName = pods[0].Metadata.OwnerReferences[0].Name;
        Assert.StartsWith(LongName + "-", rsName, StringComparison.Ordinal);
        foreach (var pod in pods)
        {
            // As the API server's generateName: the prefix "<rs>-" cut to 58 characters, then 5 random characters.
            Assert.Equal(63, pod.Metadata.Name.Length);
            Assert.StartsWith((rsName + "-")[..58], pod.Metadata.Name, StringComparison.Ordinal);
            Assert.Empty(NameRulesProbe.Subdomain(pod.Metadata.Name));
        }
    }

    [Fact]
    public void GeneratedName_ShortBase_KeepsTheDash()
    {
        var name = Orchestration.Sdk.Controllers.Engine.Names.Generate("web-7c9d5");

        Assert.Equal("web-7c9d5-".Length + 5, name.Length);
        Assert.StartsWith("web-7c9d5-", name, StringComparison.Ordinal);
    }

    private static class NameRulesProbe
    {
        public static List<string> Subdomain(string name) => Orchestration.Sdk.Declaration.NameRules.Dns1123Subdomain(name);
    }
}
