using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Sdk.Runtime.InMemory;

namespace Orchestration.Sdk.Kubernetes.Tests.Kubectl;

/// <summary>The real kubectl on batch/v1: create a Job, watch it complete, read it and its pods as a real cluster prints them.</summary>
[Collection(KubectlCollection.Name)]
public sealed class KubectlBatchTests(ApiHost host) : IClassFixture<ApiHost>
{
    private KubectlRunner Kubectl => host.Kubectl;

    [Fact]
    public async Task CreateJob_RunsToComplete_GetJobsShowsKubectlColumns()
    {
        host.Services.GetRequiredService<InMemoryCluster>().CrashImageOnStart("done:1", exitCode: 0); // the job's container exits 0 at once
        (await Kubectl.RunAsync("create", "job", "hello", "--image=done:1")).Succeeded();

        var table = await Poll.UntilAsync(() => Kubectl.RunAsync("get", "jobs"), r => r.Stdout.Contains("Complete", StringComparison.Ordinal), "job hello complete");
        var json = JsonNode.Parse((await Kubectl.RunAsync("get", "job", "hello", "-o", "json")).Succeeded().Stdout)!;
        var pods = (await Kubectl.RunAsync("get", "pods", "-l", "job-name=hello")).Succeeded().Stdout;
        var resources = (await Kubectl.RunAsync("api-resources", "--api-group=batch", "--no-headers")).Succeeded().Stdout;

        Assert.Matches(@"^NAME\s+STATUS\s+COMPLETIONS\s+DURATION\s+AGE\n", table.Stdout);
        Assert.Matches(@"hello\s+Complete\s+1/1\s+\d+s\s+\d+s", table.Stdout);
        Assert.Equal(("batch/v1", "Job"), (json["apiVersion"]!.GetValue<string>(), json["kind"]!.GetValue<string>()));
        Assert.Equal(1, json["status"]!["succeeded"]!.GetValue<int>());
        var complete = json["status"]!["conditions"]!.AsArray().Single(c => c!["type"]!.GetValue<string>() == "Complete")!;
        Assert.Equal(("True", "CompletionsReached"), (complete["status"]!.GetValue<string>(), complete["reason"]!.GetValue<string>()));
        Assert.Equal(6, json["spec"]!["backoffLimit"]!.GetValue<int>());
        Assert.Equal("Never", json["spec"]!["template"]!["spec"]!["restartPolicy"]!.GetValue<string>());
        Assert.Matches(@"hello-\S+\s+0/1\s+Completed\s+0\s+", pods);
        Assert.Matches(@"jobs\s+batch/v1\s+true\s+Job", resources);
    }

    [Fact]
    public async Task CreateFile_JobWithRestartPolicyAlways_RejectedInKubernetesWords()
    {
        const string Bad = """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: bad
            spec:
              template:
                spec:
                  restartPolicy: Always
                  containers:
                  - name: work
                    image: work:1
            """;

        var result = await Kubectl.RunWithInputAsync(Bad, "create", "-f", "-");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("The Job \"bad\" is invalid: spec.template.spec.restartPolicy: Unsupported value: \"Always\": supported values: \"OnFailure\", \"Never\"", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("NotFound", (await Kubectl.RunAsync("get", "job", "bad")).Stderr, StringComparison.Ordinal);
    }
}
