using k8s;
using k8s.Models;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Kubernetes.Tests.Kubectl;
using Orchestration.Sdk.Manifests.Publishing;

namespace Orchestration.Sdk.Kubernetes.Tests.Manifests.Publishing;

/// <summary>
/// Publishes to the SDK's own Kubernetes API (an in-process host, as samples/LocalCluster runs it) through the
/// kubeconfig and KubernetesClient: the code path a real cluster gets.
/// </summary>
[Collection(KubectlCollection.Name)]
public sealed class ManifestPublisherTests(ApiHost api) : IClassFixture<ApiHost>
{
    private readonly k8s.Kubernetes _client = new(KubernetesClientConfiguration.BuildConfigFromConfigFile(api.KubeconfigPath));

    [Fact]
    public async Task PublishAsync_TwiceWithAChangedDeclaration_CreatesThenUpdatesAndPrunesTheRemovedObject()
    {
        var options = new ManifestPublishOptions { AppName = "shop", PollInterval = TimeSpan.FromMilliseconds(50), RolloutTimeout = TimeSpan.FromSeconds(60) };
        await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "not-the-apps" } }, "default");
        await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "another-apps", Labels = new Dictionary<string, string> { [ManifestPublisher.ManagedByLabel] = ManifestPublisher.ManagedByValue, [ManifestPublisher.InstanceLabel] = "other" } } }, "default");
        var first = new Recorder();

        var created = await ManifestPublisher.PublishAsync(Shop(replicas: 2, withSettings: true), api.KubeconfigPath, options, first);

        Assert.Equal(["ConfigMap/shop-settings", "Deployment/shop-web", "Service/shop-web"], created.Applied);
        Assert.Empty(created.Pruned);
        Assert.Equal(["Deployment/shop-web"], created.RolledOut);
        var web = await _client.AppsV1.ReadNamespacedDeploymentAsync("shop-web", "default");
        Assert.Equal(2, web.Spec.Replicas);
        Assert.Equal(2, web.Status.AvailableReplicas);
        Assert.Equal("shop", web.Metadata.Labels[ManifestPublisher.InstanceLabel]);
        Assert.Equal("hello", (await _client.CoreV1.ReadNamespacedConfigMapAsync("shop-settings", "default")).Data["greeting"]);
        Assert.Contains(first.Reports, p => p.Stage == PublishStage.RolledOut && p.Message == "deployment \"shop-web\" successfully rolled out");

        var second = new Recorder();
        var updated = await ManifestPublisher.PublishAsync(Shop(replicas: 3, withSettings: false), api.KubeconfigPath, options, second);

        Assert.Equal(["ConfigMap/shop-settings"], updated.Pruned);
        Assert.Equal(3, (await _client.AppsV1.ReadNamespacedDeploymentAsync("shop-web", "default")).Status.AvailableReplicas);
        var configMaps = (await _client.CoreV1.ListNamespacedConfigMapAsync("default")).Items.Select(c => c.Metadata.Name).ToList();
        Assert.DoesNotContain("shop-settings", configMaps);
        Assert.Contains("not-the-apps", configMaps);
        Assert.Contains("another-apps", configMaps);
        Assert.Contains(second.Reports, p => p is { Stage: PublishStage.Pruned, Kind: "ConfigMap", Name: "shop-settings" });
        Assert.Equal(PublishStage.RolledOut, second.Reports[^1].Stage);
    }

    [Fact]
    public async Task PublishAsync_RolloutThatCannotFinish_TimesOutOnTheClockSayingWhatItWaitsFor()
    {
        var clock = new FakeTimeProvider();
        var app = new AppDeclaration();
        app.AddDeployment("too-big").WithImage("big:1").WithResources(cpu: "64", memory: "1Gi");
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var progress = new Recorder(p => { if (p.Stage == PublishStage.Waiting) { waiting.TrySetResult(); } });
        var options = new ManifestPublishOptions { AppName = "big", TimeProvider = clock, RolloutTimeout = TimeSpan.FromSeconds(30), PollInterval = TimeSpan.FromSeconds(5) };

        var publish = ManifestPublisher.PublishAsync(app, api.KubeconfigPath, options, progress);
        await waiting.Task.WaitAsync(TimeSpan.FromSeconds(30));
        clock.Advance(TimeSpan.FromSeconds(31));
        var error = await Assert.ThrowsAsync<TimeoutException>(() => publish);

        Assert.Contains("within 00:00:30 (ManifestPublishOptions.RolloutTimeout)", error.Message, StringComparison.Ordinal);
        Assert.Contains("deployment \"too-big\" rollout to finish", error.Message, StringComparison.Ordinal);
        Assert.Contains(progress.Reports, p => p is { Stage: PublishStage.Applied, Name: "too-big" });
    }

    [Fact]
    public async Task PublishAsync_ApplySecretsFalse_LeavesSecretsOutAndWithoutWaitReturnsNoRollouts()
    {
        var app = new AppDeclaration();
        app.AddSecret("kept-out").WithValue("password", "p");
        app.AddConfigMap("sent-in").WithValue("k", "v");

        var result = await ManifestPublisher.PublishAsync(app, api.KubeconfigPath, new ManifestPublishOptions { AppName = "nosecrets", ApplySecrets = false, WaitForRollouts = false });

        Assert.Equal(["ConfigMap/sent-in"], result.Applied);
        Assert.Empty(result.RolledOut);
        Assert.DoesNotContain((await _client.CoreV1.ListNamespacedSecretAsync("default")).Items, s => s.Metadata.Name == "kept-out");
    }

    [Fact]
    public async Task PublishAsync_StatefulSet_WaitsUntilEveryReplicaIsReadyAtTheUpdateRevision()
    {
        var app = new AppDeclaration();
        var db = app.AddStatefulSet("ledger").WithImage("ledger:1").WithReplicas(2).WithPort(5432).WithServiceName("ledger");
        app.AddService("ledger").SelectingPodsOf(db).WithPort(5432).Headless();
        var progress = new Recorder();
        var options = new ManifestPublishOptions { AppName = "ledger", PollInterval = TimeSpan.FromMilliseconds(50), RolloutTimeout = TimeSpan.FromSeconds(60) };

        var result = await ManifestPublisher.PublishAsync(app, api.KubeconfigPath, options, progress);

        Assert.Equal(["StatefulSet/ledger"], result.RolledOut);
        var set = await _client.AppsV1.ReadNamespacedStatefulSetAsync("ledger", "default");
        Assert.Equal(2, set.Status.ReadyReplicas);
        Assert.Equal(set.Status.UpdateRevision, set.Status.CurrentRevision);
        var done = Assert.Single(progress.Reports, p => p.Stage == PublishStage.RolledOut);
        Assert.Equal($"statefulset rolling update complete 2 pods at revision {set.Status.CurrentRevision}...", done.Message);
    }

    /// <summary>
    /// The Docker sample's own declaration (a StatefulSet with a claim template, a headless service, a host-exposed
    /// service, an autoscaler, config and a secret) publishes whole, plus a claim and a job of its own; a second publish
    /// without them prunes the job but never the claim (its data stays until the user deletes it).
    /// </summary>
    [Fact]
    public async Task PublishAsync_DockerSamplesDeclaration_AppliesEveryKind_AndNeverPrunesAClaim()
    {
        var context = Directory.CreateTempSubdirectory("publish-image-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(context, "Dockerfile"), "FROM scratch\n");
            var options = new ManifestPublishOptions { AppName = "getting-started", WaitForRollouts = false };
            var app = GettingStartedDeclaration.CreateDocker(context);
            app.AddPersistentVolumeClaim("scratch").WithStorage("16Mi");
            app.AddJob("report").WithImage("report:1");

            // No wait: on the in-memory nodes an init container (web's migrate) runs until a test makes it exit.
            var first = await ManifestPublisher.PublishAsync(app, api.KubeconfigPath, options);

            Assert.Contains("StatefulSet/db", first.Applied);
            Assert.Contains("PersistentVolumeClaim/scratch", first.Applied);
            Assert.Contains("Job/report", first.Applied);
            Assert.Equal("None", (await _client.CoreV1.ReadNamespacedServiceAsync("db", "default")).Spec.ClusterIP);

            var second = await ManifestPublisher.PublishAsync(GettingStartedDeclaration.CreateDocker(context), api.KubeconfigPath, options);

            Assert.Contains("Job/report", second.Pruned);
            Assert.DoesNotContain("PersistentVolumeClaim/scratch", second.Pruned);
            Assert.NotNull(await _client.CoreV1.ReadNamespacedPersistentVolumeClaimAsync("scratch", "default"));
        }
        finally
        {
            Directory.Delete(context, recursive: true);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("Shop App")]
    [InlineData("-shop")]
    public async Task PublishAsync_InvalidAppName_ThrowsNamingTheOptionAndAppliesNothing(string name)
    {
        var app = new AppDeclaration();
        app.AddConfigMap("never-applied").WithValue("k", "v");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => ManifestPublisher.PublishAsync(app, api.KubeconfigPath, new ManifestPublishOptions { AppName = name }));

        Assert.StartsWith("ManifestPublishOptions.AppName: Invalid value", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain((await _client.CoreV1.ListNamespacedConfigMapAsync("default")).Items, c => c.Metadata.Name == "never-applied");
    }

    private static AppDeclaration Shop(int replicas, bool withSettings)
    {
        var app = new AppDeclaration();
        if (withSettings)
        {
            app.AddConfigMap("shop-settings").WithValue("greeting", "hello");
        }

        var web = app.AddDeployment("shop-web").WithImage("shop-web:1").WithReplicas(replicas).WithPort(8080);
        app.AddService("shop-web").SelectingPodsOf(web).WithPort(80, targetPort: 8080);
        return app;
    }

    /// <summary>Records reports synchronously (<see cref="Progress{T}"/> would post them later).</summary>
    private sealed class Recorder(Action<PublishProgress>? onReport = null) : IProgress<PublishProgress>
    {
        private readonly List<PublishProgress> _reports = [];

        public IReadOnlyList<PublishProgress> Reports
        {
            get
            {
                lock (_reports)
                {
                    return [.. _reports];
                }
            }
        }

        public void Report(PublishProgress value)
        {
            lock (_reports)
            {
                _reports.Add(value);
            }

            onReport?.Invoke(value);
        }
    }
}
