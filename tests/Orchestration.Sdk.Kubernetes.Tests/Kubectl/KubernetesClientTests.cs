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
}
