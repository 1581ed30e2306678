using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Orchestration.Sdk.Kubernetes.Tests.Kubectl;

/// <summary>Server-side apply and dry-run through KubernetesClient against the SDK's API.</summary>
[Collection(KubectlCollection.Name)]
public sealed class ServerSideApplyTests(ApiHost api) : IClassFixture<ApiHost>
{
    private readonly k8s.Kubernetes _client = new(KubernetesClientConfiguration.BuildConfigFromConfigFile(api.KubeconfigPath));

    [Fact]
    public async Task ApplyPatch_AbsentThenPresent_CreatesThenMergesOnlyTheAppliedFields()
    {
        var created = await _client.CoreV1.PatchNamespacedConfigMapAsync(Apply("ssa-merge", ("a", "1")), "ssa-merge", "default", fieldManager: "tests");
        await _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"metadata":{"labels":{"live":"yes"}}}""", V1Patch.PatchType.MergePatch), "ssa-merge", "default");

        var merged = await _client.CoreV1.PatchNamespacedConfigMapAsync(Apply("ssa-merge", ("a", "2"), ("b", "3")), "ssa-merge", "default", fieldManager: "tests", force: true);

        Assert.Equal("1", created.Data["a"]);
        Assert.Equal(new Dictionary<string, string> { ["a"] = "2", ["b"] = "3" }, merged.Data);
        Assert.Equal("yes", merged.Metadata.Labels["live"]);
    }

    [Fact]
    public async Task ApplyPatch_WithoutFieldManager_Is422AndCreatesNothing()
    {
        var error = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CoreV1.PatchNamespacedConfigMapAsync(Apply("ssa-nomanager", ("a", "1")), "ssa-nomanager", "default"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.Response.StatusCode);
        Assert.Contains("fieldManager: Required value", error.Response.Content, StringComparison.Ordinal);
        Assert.DoesNotContain((await _client.CoreV1.ListNamespacedConfigMapAsync("default")).Items, c => c.Metadata.Name == "ssa-nomanager");
    }

    [Fact]
    public async Task DryRunAll_ApplyCreateUpdateAndDelete_AnswerButStoreNothing()
    {
        var applied = await _client.CoreV1.PatchNamespacedConfigMapAsync(Apply("ssa-dry", ("a", "1")), "ssa-dry", "default", dryRun: "All", fieldManager: "tests");
        Assert.Equal("1", applied.Data["a"]);
        Assert.DoesNotContain((await _client.CoreV1.ListNamespacedConfigMapAsync("default")).Items, c => c.Metadata.Name == "ssa-dry");

        await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "ssa-dry" }, Data = new Dictionary<string, string> { ["a"] = "1" } }, "default");
        await _client.CoreV1.PatchNamespacedConfigMapAsync(Apply("ssa-dry", ("a", "2")), "ssa-dry", "default", dryRun: "All", fieldManager: "tests");
        await _client.CoreV1.DeleteNamespacedConfigMapAsync("ssa-dry", "default", dryRun: "All");

        Assert.Equal("1", (await _client.CoreV1.ReadNamespacedConfigMapAsync("ssa-dry", "default")).Data["a"]);
    }

    [Fact]
    public async Task ApplyPatch_InvalidObject_Is422AndCreatesNothing()
    {
        var patch = new V1Patch("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"ssa-bad"},"spec":{"replicas":-1,"selector":{"matchLabels":{"app":"x"}},"template":{"metadata":{"labels":{"app":"x"}},"spec":{"containers":[{"name":"x","image":"x:1"}]}}}}""", V1Patch.PatchType.ApplyPatch);

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => _client.AppsV1.PatchNamespacedDeploymentAsync(patch, "ssa-bad", "default", fieldManager: "tests"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.Response.StatusCode);
        Assert.Contains("spec.replicas", error.Response.Content, StringComparison.Ordinal);
        Assert.DoesNotContain((await _client.AppsV1.ListNamespacedDeploymentAsync("default")).Items, d => d.Metadata.Name == "ssa-bad");
    }

    [Fact]
    public async Task ApplyPatch_ConcurrentAppliesWithoutResourceVersion_AllLandInsteadOfConflicting()
    {
        await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "ssa-race" } }, "default");

        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => _client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("{\"metadata\":{\"labels\":{\"l" + i + "\":\"v\"}}}", V1Patch.PatchType.ApplyPatch), "ssa-race", "default", fieldManager: $"m{i}")));

        var labels = (await _client.CoreV1.ReadNamespacedConfigMapAsync("ssa-race", "default")).Metadata.Labels;
        Assert.Equal(Enumerable.Range(0, 4).Select(i => $"l{i}"), labels.Keys.Order(StringComparer.Ordinal));
    }

    private static V1Patch Apply(string name, params (string Key, string Value)[] data) =>
        new(KubernetesJson.Serialize(new V1ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = new V1ObjectMeta { Name = name },
            Data = data.ToDictionary(d => d.Key, d => d.Value),
        }), V1Patch.PatchType.ApplyPatch);
}
