using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Configuration;
using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Testing;

namespace Orchestration.Sdk.Tests.Configuration;

/// <summary>The opt-in roll of a Deployment when a ConfigMap or Secret it uses is modified.</summary>
public class ConfigRolloutTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Update_ConfigMapUsedByDeployment_RollsOnlyWhenOptedIn(bool optIn)
    {
        await using var cluster = await TestCluster.StartAsync(app =>
        {
            app.AddConfigMap("web-settings").WithValue("MODE", "blue");
            var web = app.AddDeployment("web").WithImage("web:1").WithEnvironmentFromConfigMap("MODE", "web-settings", "MODE").WithConfigMapFiles("web-settings", "/etc/web");
            if (optIn)
            {
                web.WithRolloutOnConfigChange();
            }
        }, nodes: n => n.Add("node-1"), time: new FakeTimeProvider());
        await cluster.WaitForReadyReplicasAsync("web", 1);
        var before = Assert.Single(cluster.Pods("web")).Metadata.Name;

        var current = (await cluster.Client.GetAsync<ConfigMap>("web-settings"))!;
        var updated = await cluster.Client.ApplyAsync(current with { Data = new Dictionary<string, string> { ["MODE"] = "green" } });

        if (optIn)
        {
            await cluster.WaitUntilAsync("a new pod runs with MODE=green and the old one is gone", c =>
                c.Pods("web") is [{ Status.Phase: PodPhase.Running } pod] && pod.Metadata.Name != before &&
                c.Nodes["node-1"].EnvironmentOf(pod.Metadata.Name, "web")?["MODE"] == "green");
            Assert.Equal($"configmap/web-settings={updated.Metadata.ResourceVersion}", cluster.Deployment("web")!.Spec.Template!.Annotations[ConfigRollout.VersionsAnnotation]);
        }
        else
        {
            // The watcher decides on the roll before it syncs the pods, so once the file changed the decision is made.
            await cluster.WaitUntilAsync("the mounted file shows green", c =>
                c.Nodes["node-1"].FilesOf(before, "web")?.SingleOrDefault() is { } f && System.Text.Encoding.UTF8.GetString(f.Content.Span) == "green");
            Assert.Equal(before, Assert.Single(cluster.Pods("web")).Metadata.Name);
            Assert.False(cluster.Deployment("web")!.Spec.Template!.Annotations.ContainsKey(ConfigRollout.VersionsAnnotation));
        }
    }

    [Fact]
    public async Task Update_DeploymentOptedInWithLegacyAnnotation_StillRolls()
    {
        await using var cluster = await TestCluster.StartAsync(app =>
        {
            app.AddConfigMap("web-settings").WithValue("MODE", "blue");
            app.AddDeployment("web").WithImage("web:1").WithEnvironmentFromConfigMap("MODE", "web-settings", "MODE")
                .WithAnnotation(ConfigRollout.LegacyOptInAnnotation, "true");
        }, nodes: n => n.Add("node-1"), time: new FakeTimeProvider());
        await cluster.WaitForReadyReplicasAsync("web", 1);

        var current = (await cluster.Client.GetAsync<ConfigMap>("web-settings"))!;
        var updated = await cluster.Client.ApplyAsync(current with { Data = new Dictionary<string, string> { ["MODE"] = "green" } });

        await cluster.WaitUntilAsync("the template records the new version", c =>
            c.Deployment("web")?.Spec.Template?.Annotations.GetValueOrDefault(WellKnownAnnotations.ConfigVersions) == $"configmap/web-settings={updated.Metadata.ResourceVersion}");
    }

    [Fact]
    public void WithRolloutOnConfigChange_Always_SetsTheOneOrchestrationPrefixAnnotation()
    {
        var app = new AppDeclaration();
        app.AddDeployment("web").WithImage("web:1").WithRolloutOnConfigChange();

        var deployment = Assert.IsType<Deployment>(Assert.Single(app.Build()));

        Assert.Equal("true", deployment.Metadata.Annotations["orchestration.io/rollout-on-config-change"]);
    }
}
