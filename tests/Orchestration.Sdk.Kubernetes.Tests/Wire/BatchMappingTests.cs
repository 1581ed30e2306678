using System.Text.Json;
using k8s.Models;
using Orchestration.Sdk.Kubernetes.Wire;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Kubernetes.Tests.Wire;

public sealed class BatchMappingTests
{
    private static readonly DateTimeOffset Started = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    [Fact]
    public void Job_SdkToWireToSdk_IsEqual()
    {
        var job = new Job
        {
            Metadata = new ObjectMeta { Name = "migrate", Uid = "u1", ResourceVersion = 4, Generation = 1, CreationTimestamp = Started },
            Spec = new JobSpec
            {
                Completions = 3,
                Parallelism = 2,
                BackoffLimit = 4,
                ActiveDeadlineSeconds = 600,
                TtlSecondsAfterFinished = 120,
                Template = new PodTemplateSpec
                {
                    Labels = new Dictionary<string, string> { ["app"] = "migrate" },
                    Spec = new PodSpec
                    {
                        RestartPolicy = RestartPolicy.OnFailure,
                        InitContainers = [new Container { Name = "wait", Image = "busybox:1", Command = ["true"] }],
                        Containers = [new Container { Name = "migrate", Image = "shop-migrate:2" }],
                    },
                },
            },
            Status = new JobStatus
            {
                Active = 1, Ready = 1, Succeeded = 2, Failed = 1, StartTime = Started,
                Conditions = [new Condition(JobConditionType.Complete, ConditionStatus.True, JobConditionType.CompletionsReached, JobConditionType.CompletionsReachedMessage, Started, Started)],
                CompletionTime = Started.AddMinutes(1),
            },
        };

        var wire = BatchMapper.ToWire(job);
        var back = BatchMapper.FromWire(wire);

        Assert.Equal(JsonSerializer.Serialize(job), JsonSerializer.Serialize(back));
        Assert.Equal("u1", wire.Spec.Selector.MatchLabels["batch.kubernetes.io/controller-uid"]);
        Assert.Equal(("batch/v1", "NonIndexed"), (wire.ApiVersion, wire.Spec.CompletionMode));
        Assert.Equal("wait", Assert.Single(wire.Spec.Template.Spec.InitContainers).Name);
    }

    [Theory]
    [InlineData(null, null, 1, 1)]
    [InlineData(null, 4, null, 4)]
    [InlineData(5, null, 5, 1)]
    public void Job_FromWire_KubeApiserverDefaults(int? completions, int? parallelism, int? expectedCompletions, int expectedParallelism)
    {
        var job = BatchMapper.FromWire(new V1Job
        {
            Metadata = new V1ObjectMeta { Name = "j" },
            Spec = new V1JobSpec { Completions = completions, Parallelism = parallelism, Template = new V1PodTemplateSpec { Spec = new V1PodSpec { Containers = [new V1Container { Name = "c", Image = "c" }] } } },
        });

        Assert.Equal((expectedCompletions, expectedParallelism, 6), (job.Spec.Completions, job.Spec.Parallelism, job.Spec.BackoffLimit));
    }

    [Fact]
    public void Pod_InitContainersAndTheirStatuses_RoundTrip()
    {
        var pod = new Pod
        {
            Metadata = new ObjectMeta { Name = "web" },
            Spec = new PodSpec { InitContainers = [new Container { Name = "migrate", Image = "m:1" }], Containers = [new Container { Name = "web", Image = "w:1" }] },
            Status = new PodStatus
            {
                InitContainerStatuses = [new ContainerStatus { Name = "migrate", State = ContainerState.WaitingFor("CrashLoopBackOff"), RestartCount = 2, Image = "m:1" }],
                ContainerStatuses = [new ContainerStatus { Name = "web", State = ContainerState.WaitingFor("PodInitializing"), Image = "w:1" }],
            },
        };

        var back = PodMapper.FromWire(PodMapper.ToWire(pod));

        Assert.Equal(JsonSerializer.Serialize(pod), JsonSerializer.Serialize(back));
    }
}
