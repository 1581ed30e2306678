using Orchestration.Sdk.Kubernetes.Tests.Kubectl;
using Orchestration.Sdk.Manifests.Compose;
using Orchestration.Sdk.Manifests.Publishing;

namespace Orchestration.Sdk.Kubernetes.Tests.Manifests.Publishing;

/// <summary>The worked example of docs/manifests.md, as written there: its Compose file published to the SDK's API, and kubectl shows what the page says.</summary>
[Collection(KubectlCollection.Name)]
public sealed class WorkedExampleTests(ApiHost api) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task WorkedExample_ComposeFileOfTheDocs_PublishesWhatThePageSays()
    {
        var dir = Directory.CreateTempSubdirectory("worked-example-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "docker-compose.yml"), ComposeOfTheDocs());
            File.WriteAllText(Path.Combine(dir, "nginx.conf"), "events {}\n");
            File.WriteAllText(Path.Combine(dir, "db_password.txt"), "s3cret");
            var app = new AppDeclaration().AddCompose(Path.Combine(dir, "docker-compose.yml"));
            var messages = new List<string>();

            var result = await ManifestPublisher.PublishAsync(app, api.KubeconfigPath,
                new ManifestPublishOptions { AppName = "shop", PollInterval = TimeSpan.FromMilliseconds(50), RolloutTimeout = TimeSpan.FromSeconds(60) },
                new SyncProgress(messages));

            Assert.Equal(["ConfigMap/web-configs", "Secret/db-secrets", "Deployment/web", "Deployment/db", "Service/web", "Service/db"], result.Applied);
            Assert.Contains("deployment \"web\" successfully rolled out", messages);
            var web = (await api.Kubectl.RunAsync("get", "deploy", "web", "-o",
                "jsonpath={.spec.replicas} {.spec.template.spec.containers[0].args} {.spec.template.spec.containers[0].resources.limits.cpu} {.spec.template.spec.containers[0].volumeMounts[0].mountPath} {.metadata.annotations.orchestration\\.io/compose-depends-on}")).Succeeded();
            Assert.Equal("3 [\"--listen\",\"0.0.0.0:8080\"] 1 /etc/nginx db:service_healthy", web.Stdout.Trim());
            var service = (await api.Kubectl.RunAsync("get", "svc", "web", "-o", "jsonpath={.spec.type} {.spec.ports[0].port} {.spec.ports[0].nodePort}")).Succeeded();
            Assert.Equal("NodePort 8080 30080", service.Stdout.Trim());
            var db = (await api.Kubectl.RunAsync("get", "deploy", "db", "-o", "jsonpath={.spec.template.spec.containers[0].readinessProbe.exec.command} {.spec.template.spec.containers[0].readinessProbe.periodSeconds} {.spec.template.spec.containers[0].readinessProbe.failureThreshold}")).Succeeded();
            Assert.Equal("[\"pg_isready\",\"-U\",\"postgres\"] 10 5", db.Stdout.Trim());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The first yaml block after the worked example's heading in docs/manifests.md.</summary>
    private static string ComposeOfTheDocs()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Orchestration.Sdk.sln")))
        {
            root = root.Parent ?? throw new InvalidOperationException("the repository root (Orchestration.Sdk.sln) is not above the test's folder");
        }

        var page = File.ReadAllText(Path.Combine(root.FullName, "docs", "manifests.md"));
        var example = page[page.IndexOf("## Worked example", StringComparison.Ordinal)..];
        var start = example.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        return example[start..example.IndexOf("```", start, StringComparison.Ordinal)];
    }

    private sealed class SyncProgress(List<string> messages) : IProgress<PublishProgress>
    {
        public void Report(PublishProgress value)
        {
            lock (messages)
            {
                messages.Add(value.Message);
            }
        }
    }
}
