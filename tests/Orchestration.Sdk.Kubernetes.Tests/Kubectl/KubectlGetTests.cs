using System.Text.Json.Nodes;

namespace Orchestration.Sdk.Kubernetes.Tests.Kubectl;

/// <summary>The real kubectl: version, discovery, a docs manifest, the output formats, table columns and selectors.</summary>
[Collection(KubectlCollection.Name)]
public sealed class KubectlGetTests(ApiHost host) : IClassFixture<ApiHost>
{
    private KubectlRunner Kubectl => host.Kubectl;

    [Fact]
    public async Task Version_Server_Reports132()
    {
        var result = (await Kubectl.RunAsync("version")).Succeeded();

        Assert.Contains("Server Version: v1.32.0-orchestration", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiResources_Discovery_ListsShortNamesAndSubresources()
    {
        var resources = (await Kubectl.RunAsync("api-resources", "--no-headers")).Succeeded().Stdout;
        var apps = (await Kubectl.RunAsync("get", "--raw", "/apis/apps/v1")).Succeeded().Stdout;

        Assert.Matches(@"deployments\s+deploy\s+apps/v1\s+true\s+Deployment", resources);
        Assert.Matches(@"horizontalpodautoscalers\s+hpa\s+autoscaling/v2\s+true\s+HorizontalPodAutoscaler", resources);
        Assert.Matches(@"nodes\s+no\s+v1\s+false\s+Node", resources);
        Assert.Contains("\"deployments/scale\"", apps, StringComparison.Ordinal);
        Assert.Contains("\"deployments/status\"", apps, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateFile_DocsManifest_ShowsRealClusterColumnsAndFormats()
    {
        var file = await WriteAsync("nginx-deployment.yaml", Manifests.NginxDeployment);
        (await Kubectl.RunAsync("create", "-f", file)).Succeeded();

        var table = await Poll.UntilAsync(() => Kubectl.RunAsync("get", "deployment", "nginx-deployment"), r => r.Stdout.Contains("3/3", StringComparison.Ordinal), "3/3 ready");
        var wide = (await Kubectl.RunAsync("get", "deploy", "nginx-deployment", "-o", "wide")).Succeeded().Stdout;
        var json = JsonNode.Parse((await Kubectl.RunAsync("get", "deploy", "nginx-deployment", "-o", "json")).Succeeded().Stdout)!;
        var yaml = (await Kubectl.RunAsync("get", "deploy", "nginx-deployment", "-o", "yaml")).Succeeded().Stdout;
        var name = (await Kubectl.RunAsync("get", "deploy", "-o", "name")).Succeeded().Stdout;
        var replicas = (await Kubectl.RunAsync("get", "deploy", "nginx-deployment", "-o", "jsonpath={.spec.replicas}")).Succeeded().Stdout;

        Assert.Matches(@"^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\n", table.Stdout);
        Assert.Matches(@"nginx-deployment\s+3/3\s+3\s+3\s+\d+s", table.Stdout);
        Assert.Matches(@"CONTAINERS\s+IMAGES\s+SELECTOR", wide);
        Assert.Matches(@"nginx\s+nginx:1\.14\.2\s+app=nginx", wide);
        Assert.Equal("Deployment", json["kind"]!.GetValue<string>());
        Assert.Equal(3, json["status"]!["readyReplicas"]!.GetValue<int>());
        Assert.Contains("kind: Deployment", yaml, StringComparison.Ordinal);
        Assert.Contains("deployment.apps/nginx-deployment", name, StringComparison.Ordinal);
        Assert.Equal("3", replicas);
    }

    [Fact]
    public async Task GetPods_Selectors_FilterAndShowPodColumns()
    {
        await host.Client.ApplyAsync(AppObjects.Deployment("selected", replicas: 2));
        await Poll.UntilAsync(() => Kubectl.RunAsync("get", "pods", "-l", "app=selected", "--field-selector", "status.phase=Running", "-o", "name"), r => Lines(r.Stdout) == 2, "2 running pods");

        var pods = (await Kubectl.RunAsync("get", "pods", "-l", "app in (selected)", "-o", "wide")).Succeeded().Stdout;
        var none = (await Kubectl.RunAsync("get", "pods", "-l", "app=selected,tier!=none", "--field-selector", "spec.nodeName=no-such-node")).Succeeded();
        var all = (await Kubectl.RunAsync("get", "pods", "-A", "-l", "app=selected", "--no-headers")).Succeeded().Stdout;
        var nodes = (await Kubectl.RunAsync("get", "no")).Succeeded().Stdout;

        Assert.Matches(@"NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES", pods);
        Assert.Matches(@"selected-\S+\s+1/1\s+Running\s+0\s+", pods);
        Assert.Contains("No resources found", none.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, Lines(all));
        Assert.Matches(@"node-1\s+Ready\s+<none>\s+\S+\s+v1\.32", nodes);
    }

    [Fact]
    public async Task GetWatch_Scale_PrintsTheChange()
    {
        await host.Client.ApplyAsync(AppObjects.Deployment("watched", replicas: 1));
        await Poll.UntilAsync(() => Kubectl.RunAsync("get", "deploy", "watched"), r => r.Stdout.Contains("1/1", StringComparison.Ordinal), "1/1 ready");
        using var watch = Kubectl.Start("get", "deploy", "watched", "-w");
        var header = await watch.StandardOutput.ReadLineAsync();

        await host.Client.ScaleAsync("watched", 2);
        string? line;
        do
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            line = await watch.StandardOutput.ReadLineAsync(timeout.Token);
        }
        while (line is not null && !line.Contains("2/2", StringComparison.Ordinal));
        watch.Kill();

        Assert.Matches(@"^NAME\s+READY", header);
        Assert.Matches(@"watched\s+2/2", line);
    }

    private async Task<string> WriteAsync(string name, string content)
    {
        var path = Path.Combine(Path.GetDirectoryName(host.KubeconfigPath)!, name);
        await File.WriteAllTextAsync(path, content);
        return path;
    }

    private static int Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
}
