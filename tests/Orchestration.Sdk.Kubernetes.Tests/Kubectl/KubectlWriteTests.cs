using Orchestration.Sdk.Configuration;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Networking;

namespace Orchestration.Sdk.Kubernetes.Tests.Kubectl;

/// <summary>The real kubectl writing: files, imperative creates, scale, rollout status, cascading delete, and the tokens.</summary>
[Collection(KubectlCollection.Name)]
public sealed class KubectlWriteTests(ApiHost host) : IClassFixture<ApiHost>
{
    private KubectlRunner Kubectl => host.Kubectl;

    [Fact]
    public async Task CreateFile_MultiDocument_CreatesEveryObject()
    {
        var result = (await Kubectl.RunWithInputAsync(Manifests.MultiDocument, "create", "-f", "-")).Succeeded();

        Assert.Contains("configmap/game-config created", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("service/my-service created", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("aliens", (await host.Client.GetAsync<ConfigMap>("game-config"))!.Data["enemies"]);
        Assert.Equal(9376, (await host.Client.GetAsync<Service>("my-service"))!.Spec.Ports[0].TargetPort);
    }

    [Fact]
    public async Task CreateFile_InvalidReplicas_IsRejectedAndChangesNothing()
    {
        var result = await Kubectl.RunWithInputAsync(Manifests.InvalidReplicas, "create", "-f", "-");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("The Deployment \"bad\" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0", result.Stderr, StringComparison.Ordinal);
        Assert.Null(await host.Client.GetAsync<Deployment>("bad"));
    }

    [Fact]
    public async Task CreateFile_UnknownField_IsAStrictDecodingError()
    {
        var result = await Kubectl.RunWithInputAsync(Manifests.UnknownField, "create", "-f", "-");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("strict decoding error: unknown field \"spec\"", result.Stderr, StringComparison.Ordinal);
        Assert.Null(await host.Client.GetAsync<ConfigMap>("strict"));
    }

    [Fact]
    public async Task CreateImperative_ConfigMapSecretDeploymentExpose_AreStored()
    {
        (await Kubectl.RunAsync("create", "configmap", "settings", "--from-literal=mode=prod")).Succeeded();
        (await Kubectl.RunAsync("create", "secret", "generic", "db", "--from-literal=password=s3cr3t")).Succeeded();
        (await Kubectl.RunAsync("create", "deployment", "shop", "--image=nginx:1.27", "--replicas=2", "--port=8080")).Succeeded();
        (await Kubectl.RunAsync("expose", "deployment", "shop", "--port=80", "--target-port=8080")).Succeeded();

        var password = (await Kubectl.RunAsync("get", "secret", "db", "-o", "jsonpath={.data.password}")).Succeeded().Stdout;
        var services = (await Kubectl.RunAsync("get", "svc", "shop")).Succeeded().Stdout;
        var secrets = (await Kubectl.RunAsync("get", "secrets")).Succeeded().Stdout;

        Assert.Equal("prod", (await host.Client.GetAsync<ConfigMap>("settings"))!.Data["mode"]);
        Assert.Equal("s3cr3t", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(password)));
        Assert.Equal(2, (await host.Client.GetAsync<Deployment>("shop"))!.Spec.Replicas);
        Assert.Matches(@"NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE", services);
        Assert.Matches(@"shop\s+ClusterIP\s+\d+\.\d+\.\d+\.\d+\s+<none>\s+80/TCP", services);
        Assert.Matches(@"db\s+Opaque\s+1\s+", secrets);
    }

    [Fact]
    public async Task Scale_ThenRolloutStatus_ReachesTheNewCount()
    {
        await host.Client.ApplyAsync(AppObjects.Deployment("scaled", replicas: 1));

        (await Kubectl.RunAsync("scale", "deployment", "scaled", "--replicas=3")).Succeeded();
        var rollout = (await Kubectl.RunAsync("rollout", "status", "deployment/scaled", "--timeout=30s")).Succeeded();
        var table = (await Kubectl.RunAsync("get", "deploy", "scaled")).Succeeded().Stdout;

        Assert.Contains("deployment \"scaled\" successfully rolled out", rollout.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"scaled\s+3/3\s+3\s+3", table);
    }

    [Fact]
    public async Task Delete_Deployment_CascadesToReplicaSetsAndPods()
    {
        await host.Client.ApplyAsync(AppObjects.Deployment("doomed", replicas: 2));
        await Poll.UntilAsync(() => Kubectl.RunAsync("get", "pods", "-l", "app=doomed", "-o", "name"), r => r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length == 2, "2 pods");

        var deleted = (await Kubectl.RunAsync("delete", "deployment", "doomed")).Succeeded();
        await Poll.UntilAsync(() => Kubectl.RunAsync("get", "rs,pods", "-l", "app=doomed", "-o", "name"), r => r.ExitCode == 0 && r.Stdout.Length == 0, "the replica set and pods gone");

        Assert.Contains("deployment.apps \"doomed\" deleted", deleted.Stdout, StringComparison.Ordinal);
        Assert.Null(await host.Client.GetAsync<Deployment>("doomed"));
    }

    [Fact]
    public async Task ReadOnlyContext_Write_IsForbiddenButReadsWork()
    {
        var write = await Kubectl.RunAsync("--context", "tests-readonly", "create", "configmap", "nope", "--from-literal=a=b");
        var read = await Kubectl.RunAsync("--context", "tests-readonly", "get", "nodes", "-o", "name");

        Assert.Equal(1, write.ExitCode);
        Assert.Contains("configmaps is forbidden: the read-only token cannot create", write.Stderr, StringComparison.Ordinal);
        Assert.Null(await host.Client.GetAsync<ConfigMap>("nope"));
        Assert.Contains("node/node-1", read.Succeeded().Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongToken_Get_IsUnauthorized()
    {
        var result = await Kubectl.RunAsync("--token", "not-the-token-at-all-0123", "get", "pods");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Unauthorized", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Kubeconfig_File_IsOwnerOnly()
    {
        var mode = OperatingSystem.IsWindows() ? default : File.GetUnixFileMode(host.KubeconfigPath);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
    }
}
