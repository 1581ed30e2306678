using Orchestration.Sdk.Kubernetes.Tests.Kubectl;
using Orchestration.Sdk.Manifests;

namespace Orchestration.Sdk.Kubernetes.Tests.Manifests;

/// <summary>The real kubectl applies exported manifests to the SDK's own Kubernetes API.</summary>
[Collection(KubectlCollection.Name)]
public sealed class ManifestKubectlTests(ApiHost api) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task KubectlAppliesTheExportedFolderAndShowsTheDeclaredValues()
    {
        var dir = Directory.CreateTempSubdirectory("kubectl-export-").FullName;
        try
        {
            ManifestExporter.ExportToFolder(GettingStartedDeclaration.Create(), dir);

            var applied = (await api.Kubectl.RunAsync("apply", "-f", dir)).Succeeded();

            Assert.Contains("deployment.apps/web created", applied.Stdout, StringComparison.Ordinal);
            Assert.Contains("horizontalpodautoscaler.autoscaling/worker created", applied.Stdout, StringComparison.Ordinal);
            Assert.Contains("secret/db-credentials created", applied.Stdout, StringComparison.Ordinal);
            var web = (await api.Kubectl.RunAsync("get", "deploy", "web", "-o", "jsonpath={.spec.replicas} {.spec.template.spec.containers[0].image} {.spec.strategy.rollingUpdate.maxSurge}")).Succeeded();
            Assert.Equal("3 shop-web:1 1", web.Stdout.Trim());
            var worker = (await api.Kubectl.RunAsync("get", "hpa", "worker", "-o", "jsonpath={.spec.minReplicas} {.spec.maxReplicas} {.spec.metrics[0].pods.metric.name}")).Succeeded();
            Assert.Equal("1 4 queue-length", worker.Stdout.Trim());
            var service = (await api.Kubectl.RunAsync("get", "svc", "web", "-o", "jsonpath={.spec.ports[0].port} {.spec.ports[0].targetPort}")).Succeeded();
            Assert.Equal("80 8080", service.Stdout.Trim());
            var settings = (await api.Kubectl.RunAsync("get", "configmap", "web-settings", "-o", "jsonpath={.data.greeting}")).Succeeded();
            Assert.Equal("hello from getting-started", settings.Stdout.Trim());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task KubectlApplyDryRunServer_ExportedFolder_SucceedsAndStoresNothing()
    {
        var dir = Directory.CreateTempSubdirectory("kubectl-dry-").FullName;
        try
        {
            ManifestExporter.ExportToFolder(Renamed("dry"), dir);

            var applied = (await api.Kubectl.RunAsync("apply", "--dry-run=server", "-f", dir)).Succeeded();

            Assert.Contains("deployment.apps/dry-web created (server dry run)", applied.Stdout, StringComparison.Ordinal);
            Assert.Contains("configmap/dry-settings created (server dry run)", applied.Stdout, StringComparison.Ordinal);
            var left = (await api.Kubectl.RunAsync("get", "deploy,svc,configmap", "-o", "name")).Succeeded();
            Assert.DoesNotContain("dry-", left.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The Docker sample's declaration (a StatefulSet with a claim template, a headless service) is accepted as exported.</summary>
    [Fact]
    public async Task KubectlApplyDryRunServer_DockerSamplesExport_AcceptsTheStatefulSetAndTheHeadlessService()
    {
        var context = Directory.CreateTempSubdirectory("kubectl-docker-image-").FullName;
        var dir = Directory.CreateTempSubdirectory("kubectl-docker-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(context, "Dockerfile"), "FROM scratch\n");
            ManifestExporter.ExportToFolder(GettingStartedDeclaration.CreateDocker(context), dir);
            Assert.Contains("clusterIP: None", File.ReadAllText(Path.Combine(dir, "service-db.yaml")), StringComparison.Ordinal);

            var applied = (await api.Kubectl.RunAsync("apply", "--dry-run=server", "-f", dir)).Succeeded();

            Assert.Matches(@"statefulset\.apps/db (created|configured) \(server dry run\)", applied.Stdout);
            Assert.Matches(@"service/db (created|configured) \(server dry run\)", applied.Stdout);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
            Directory.Delete(context, recursive: true);
        }
    }

    [Fact]
    public async Task KubectlApplyServerSide_ExportedFolderTwice_CreatesThenUpdatesWithTheDeclaredValues()
    {
        var dir = Directory.CreateTempSubdirectory("kubectl-ssa-").FullName;
        try
        {
            ManifestExporter.ExportToFolder(Renamed("ssa"), dir);

            var created = (await api.Kubectl.RunAsync("apply", "--server-side", "-f", dir)).Succeeded();
            Assert.Contains("deployment.apps/ssa-web serverside-applied", created.Stdout, StringComparison.Ordinal);
            var web = (await api.Kubectl.RunAsync("get", "deploy", "ssa-web", "-o", "jsonpath={.spec.replicas} {.spec.template.spec.containers[0].image}")).Succeeded();
            Assert.Equal("2 ssa-web:1", web.Stdout.Trim());

            var file = Path.Combine(dir, "deployment-ssa-web.yaml");
            File.WriteAllText(file, File.ReadAllText(file).Replace("replicas: 2", "replicas: 4", StringComparison.Ordinal));
            (await api.Kubectl.RunAsync("apply", "--server-side", "-f", file)).Succeeded();
            var dryRun = (await api.Kubectl.RunAsync("apply", "--server-side", "--dry-run=server", "-f", file)).Succeeded();

            Assert.Contains("serverside-applied (server dry run)", dryRun.Stdout, StringComparison.Ordinal);
            var scaled = (await api.Kubectl.RunAsync("get", "deploy", "ssa-web", "-o", "jsonpath={.spec.replicas}")).Succeeded();
            Assert.Equal("4", scaled.Stdout.Trim());
            var settings = (await api.Kubectl.RunAsync("get", "configmap", "ssa-settings", "-o", "jsonpath={.data.greeting}")).Succeeded();
            Assert.Equal("hi", settings.Stdout.Trim());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static AppDeclaration Renamed(string prefix)
    {
        var app = new AppDeclaration();
        app.AddConfigMap($"{prefix}-settings").WithValue("greeting", "hi");
        var web = app.AddDeployment($"{prefix}-web").WithImage($"{prefix}-web:1").WithReplicas(2).WithPort(8080)
            .WithEnvironmentFromConfigMap("GREETING", $"{prefix}-settings", "greeting");
        app.AddService($"{prefix}-web").SelectingPodsOf(web).WithPort(80, targetPort: 8080);
        return app;
    }
}
