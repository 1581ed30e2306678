using Orchestration.Sdk.Docker.Tests.Support;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Docker.Tests.EndToEnd;

/// <summary>Init containers and Jobs on the real engine.</summary>
public sealed class DockerBatchTests
{
    [DockerFact]
    public async Task InitContainer_RunsToCompletionBeforeTheAppContainerStarts()
    {
        await using var orchestrator = await DockerOrchestrator.StartAsync(app => app.AddPod("web")
            .WithImage(TestImage.Name).WithCommand("/bin/sh", "-c", "echo app-started; exec sleep 600")
            .WithInitContainer("migrate", c => c.WithImage(TestImage.Name).WithCommand("/bin/sh", "-c", "sleep 1; echo migrated")));

        var pod = Assert.Single(await orchestrator.WaitForPodsAsync("the app runs after its init container", p => DockerOrchestrator.AllRunning(p, 1)));

        var init = Assert.Single(pod.Status.InitContainerStatuses);
        Assert.Equal(("Completed", 0, true), (init.State.Terminated?.Reason, init.State.Terminated?.ExitCode, init.Ready));
        Assert.True(init.State.Terminated!.FinishedAt <= pod.Status.ContainerStatuses[0].State.Running!.StartedAt,
            $"the app started at {pod.Status.ContainerStatuses[0].State.Running!.StartedAt:O}, before the init container finished at {init.State.Terminated.FinishedAt:O}");
        Assert.True(pod.Status.Conditions.Find(PodConditionType.Initialized)?.IsTrue);
        Assert.Equal("Running", PodDisplayStatus.Of(pod));
        Assert.Equal("migrated\n", await orchestrator.Client.GetLogsAsync(pod.Metadata.Name, container: "migrate"));
    }

    [DockerFact]
    public async Task Job_ContainerExitsZero_JobComplete()
    {
        await using var orchestrator = await DockerOrchestrator.StartAsync(app => app.AddJob("once")
            .WithImage(TestImage.Name).WithCommand("/bin/sh", "-c", "echo done; exit 0"));

        await Poll.UntilAsync("job once complete", async () => (await orchestrator.Client.GetAsync<Job>("once"))?.IsFinished == true, TimeSpan.FromSeconds(60));

        var job = (await orchestrator.Client.GetAsync<Job>("once"))!;
        Assert.Equal("CompletionsReached", job.Status.Conditions.Find(JobConditionType.Complete)?.Reason);
        Assert.Equal((1, 0, 0), (job.Status.Succeeded, job.Status.Failed, job.Status.Active));
        var pod = Assert.Single(await orchestrator.PodsAsync());
        Assert.Equal((PodPhase.Succeeded, "Completed"), (pod.Status.Phase, PodDisplayStatus.Of(pod)));
    }
}
