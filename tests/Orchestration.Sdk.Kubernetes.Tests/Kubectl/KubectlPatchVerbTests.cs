using Orchestration.Sdk.Configuration;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Kubernetes.Tests.Kubectl;

/// <summary>The real kubectl's patching verbs against the server: set image, label, annotate, rollout undo and re-apply.</summary>
[Collection(KubectlCollection.Name)]
public sealed class KubectlPatchVerbTests(ApiHost host) : IClassFixture<ApiHost>
{
    private KubectlRunner Kubectl => host.Kubectl;

    [Fact]
    public async Task SetImageLabelAnnotate_ThenRolloutUndo_PatchTheStoredDeployment()
    {
        (await Kubectl.RunAsync("create", "deployment", "patched", "--image=web:1")).Succeeded();
        (await Kubectl.RunAsync("set", "image", "deployment/patched", "web=web:2")).Succeeded();
        (await Kubectl.RunAsync("label", "deployment", "patched", "tier=front")).Succeeded();
        (await Kubectl.RunAsync("annotate", "deployment", "patched", "owner=team-a")).Succeeded();

        var changed = (await host.Client.GetAsync<Deployment>("patched"))!;
        Assert.Equal("web:2", changed.Spec.Template.Spec.Containers[0].Image);
        Assert.Equal("front", changed.Metadata.Labels["tier"]);
        Assert.Equal("team-a", changed.Metadata.Annotations["owner"]);

        (await Kubectl.RunAsync("rollout", "undo", "deployment/patched")).Succeeded();

        Assert.Equal("web:1", (await host.Client.GetAsync<Deployment>("patched"))!.Spec.Template.Spec.Containers[0].Image);
    }

    [Fact]
    public async Task Apply_ChangedManifest_PatchesTheExistingObject()
    {
        const string manifest = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\ndata:\n  mode: \"{0}\"\n";
        (await Kubectl.RunWithInputAsync(manifest.Replace("{0}", "one", StringComparison.Ordinal), "apply", "-f", "-")).Succeeded();
        var second = (await Kubectl.RunWithInputAsync(manifest.Replace("{0}", "two", StringComparison.Ordinal), "apply", "-f", "-")).Succeeded();

        Assert.Contains("configmap/applied configured", second.Stdout, StringComparison.Ordinal);
        Assert.Equal("two", (await host.Client.GetAsync<ConfigMap>("applied"))!.Data["mode"]);
    }
}
