using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Orchestration.Sdk.Kubernetes.Tests.Kubectl;

/// <summary>The history of the store is kept small here, so that a version expires on purpose.</summary>
public sealed class SmallHistoryHost : IAsyncLifetime
{
    public ApiHost Host { get; } = new() { HistoryCapacity = 30 };

    public Task InitializeAsync() => Host.InitializeAsync();

    public Task DisposeAsync() => Host.DisposeAsync();
}

/// <summary>The KubernetesClient library, from the written kubeconfig: list, create, watch, and a watch that relists after its version expired.</summary>
[Collection(KubectlCollection.Name)]
public sealed class KubernetesClientTests(SmallHistoryHost fixture) : IClassFixture<SmallHistoryHost>
{
    private readonly k8s.Kubernetes _client = new(KubernetesClientConfiguration.BuildConfigFromConfigFile(fixture.Host.KubeconfigPath));

    [Fact]
    public async Task CreateThenList_ConfigMap_ComesBack()
    {
        await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "from-client" }, Data = new Dictionary<string, string> { ["k"] = "v" } }, "default");

        var list = await _client.CoreV1.ListNamespacedConfigMapAsync("default");
        var nodes = await _client.CoreV1.ListNodeAsync();

        Assert.Contains(list.Items, c => c.Metadata.Name == "from-client" && c.Data["k"] == "v");
        Assert.Equal(3, nodes.Items.Count);
    }

    [Fact]
    public async Task Create_Existing_IsConflictAlreadyExists()
    {
        var cm = new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "twice" } };
        await _client.CoreV1.CreateNamespacedConfigMapAsync(cm, "default");

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CoreV1.CreateNamespacedConfigMapAsync(cm, "default"));

        Assert.Equal(System.Net.HttpStatusCode.Conflict, error.Response.StatusCode);
        Assert.Contains("\"reason\":\"AlreadyExists\"", error.Response.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_ExpiredVersion_RelistsAndSeesTheNextChange()
    {
        var old = (await _client.CoreV1.ListNamespacedConfigMapAsync("default")).Metadata.ResourceVersion;
        for (var i = 0; i < 40; i++)
        {
            await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = $"churn-{i}" } }, "default");
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var expired = await Assert.ThrowsAsync<HttpOperationException>(async () =>
        {
            await foreach (var e in _client.CoreV1.WatchListNamespacedConfigMapAsync("default", resourceVersion: old, cancellationToken: timeout.Token))
            {
                Assert.Fail($"an expired watch delivered {e.Item1}");
            }
        });
        var relisted = await _client.CoreV1.ListNamespacedConfigMapAsync("default");
        var created = Task.Run(async () =>
        {
            await Task.Delay(200);
            await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "after-relist" } }, "default");
        });

        (WatchEventType Type, V1ConfigMap Object) seen = default;
        await foreach (var e in _client.CoreV1.WatchListNamespacedConfigMapAsync("default", resourceVersion: relisted.Metadata.ResourceVersion, cancellationToken: timeout.Token))
        {
            seen = e;
            break;
        }

        await created;
        Assert.Equal(System.Net.HttpStatusCode.Gone, expired.Response.StatusCode);
        Assert.Contains("\"reason\":\"Expired\"", expired.Response.Content, StringComparison.Ordinal);
        Assert.Equal(WatchEventType.Added, seen.Type);
        Assert.Equal("after-relist", seen.Object?.Metadata.Name);
    }

    [Fact]
    public async Task Patch_MergeStrategicAndJson_ChangeTheStoredObject()
    {
        await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "patched" }, Data = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" } }, "default");

        await _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("{\"data\":{\"a\":\"10\",\"b\":null}}", V1Patch.PatchType.MergePatch), "patched", "default");
        await _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("{\"metadata\":{\"labels\":{\"tier\":\"web\"}}}", V1Patch.PatchType.StrategicMergePatch), "patched", "default");
        var last = await _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("[{\"op\":\"add\",\"path\":\"/data/c\",\"value\":\"3\"}]", V1Patch.PatchType.JsonPatch), "patched", "default");
        var stored = await _client.CoreV1.ReadNamespacedConfigMapAsync("patched", "default");

        Assert.Equal(new Dictionary<string, string> { ["a"] = "10", ["c"] = "3" }, stored.Data);
        Assert.Equal("web", stored.Metadata.Labels["tier"]);
        Assert.Equal(last.Metadata.ResourceVersion, stored.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task Patch_InvalidJsonPatch_IsRejectedAndChangesNothing()
    {
        await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "unpatched" }, Data = new Dictionary<string, string> { ["a"] = "1" } }, "default");

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("[{\"op\":\"remove\",\"path\":\"/data/missing\"}]", V1Patch.PatchType.JsonPatch), "unpatched", "default"));

        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, error.Response.StatusCode);
        Assert.Equal("1", (await _client.CoreV1.ReadNamespacedConfigMapAsync("unpatched", "default")).Data["a"]);
    }

    [Fact]
    public async Task ListEvents_ByInvolvedObject_ReturnsTheRecordedEvents()
    {
        await _client.AppsV1.CreateNamespacedDeploymentAsync(new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = "evented" },
            Spec = new V1DeploymentSpec
            {
                Replicas = 1,
                Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "evented" } },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "evented" } },
                    Spec = new V1PodSpec { Containers = [new V1Container { Name = "app", Image = "nginx:1.27" }] },
                },
            },
        }, "default");

        var events = await Poll.UntilAsync(() => _client.CoreV1.ListNamespacedEventAsync("default", fieldSelector: "involvedObject.kind=Deployment,involvedObject.name=evented"),
            l => l.Items.Count > 0, "an event about the deployment");
        var v1 = await _client.EventsV1.ListNamespacedEventAsync("default", fieldSelector: "regarding.name=evented");

        var e = Assert.Single(events.Items);
        Assert.Equal(("ScalingReplicaSet", "Normal", "deployment-controller"), (e.Reason, e.Type, e.Source.Component));
        Assert.Equal("apps/v1", e.InvolvedObject.ApiVersion);
        Assert.Equal(e.Message, Assert.Single(v1.Items).Note);
    }
}
