using k8s.Models;
using Orchestration.Sdk.Manifests.Publishing;

namespace Orchestration.Sdk.Kubernetes.Tests.Manifests.Publishing;

/// <summary>The publish's StatefulSet wait, in <c>kubectl rollout status</c>'s order and words.</summary>
public sealed class StatefulSetRolloutStatusTests
{
    [Fact]
    public void AGenerationNotObservedYet_IsWaitedFor()
    {
        var set = Set(replicas: 2, status: new V1StatefulSetStatus { ObservedGeneration = 1, ReadyReplicas = 2 }, generation: 2);

        Assert.Equal("Waiting for statefulset spec update to be observed...", RolloutWait.Status(set));
    }

    [Fact]
    public void ReplicasNotReady_AreCounted()
    {
        var set = Set(replicas: 3, status: new V1StatefulSetStatus { ObservedGeneration = 1, ReadyReplicas = 1 });

        Assert.Equal("Waiting for 2 pods to be ready...", RolloutWait.Status(set));
    }

    [Fact]
    public void PodsAtAnOlderRevision_AreWaitedFor_ThenTheRolloutIsDone()
    {
        var rolling = Set(replicas: 2, status: new V1StatefulSetStatus { ObservedGeneration = 1, ReadyReplicas = 2, UpdatedReplicas = 1, CurrentRevision = "db-1", UpdateRevision = "db-2" });
        var done = Set(replicas: 2, status: new V1StatefulSetStatus { ObservedGeneration = 1, ReadyReplicas = 2, UpdatedReplicas = 2, CurrentRevision = "db-2", UpdateRevision = "db-2" });

        Assert.Equal("waiting for statefulset rolling update to complete 1 pods at revision db-2...", RolloutWait.Status(rolling));
        Assert.Null(RolloutWait.Status(done));
    }

    [Fact]
    public void WithAPartition_OnlyTheReplicasAboveItMustBeUpdated()
    {
        var status = new V1StatefulSetStatus { ObservedGeneration = 1, ReadyReplicas = 3, UpdatedReplicas = 0, CurrentRevision = "db-1", UpdateRevision = "db-2" };
        var waiting = Set(replicas: 3, status: status, partition: 2);
        var done = Set(replicas: 3, status: new V1StatefulSetStatus { ObservedGeneration = 1, ReadyReplicas = 3, UpdatedReplicas = 1, CurrentRevision = "db-1", UpdateRevision = "db-2" }, partition: 2);

        Assert.Equal("Waiting for partitioned roll out to finish: 0 out of 1 new pods have been updated...", RolloutWait.Status(waiting));
        Assert.Null(RolloutWait.Status(done));
    }

    [Fact]
    public void OnDelete_IsNotWaitedFor()
    {
        var set = Set(replicas: 2, status: new V1StatefulSetStatus(), strategy: "OnDelete");

        Assert.Null(RolloutWait.Status(set));
    }

    private static V1StatefulSet Set(int replicas, V1StatefulSetStatus status, long generation = 1, int? partition = null, string strategy = "RollingUpdate") => new()
    {
        Metadata = new V1ObjectMeta { Name = "db", Generation = generation },
        Spec = new V1StatefulSetSpec
        {
            Replicas = replicas,
            UpdateStrategy = new V1StatefulSetUpdateStrategy
            {
                Type = strategy,
                RollingUpdate = partition is null ? null : new V1RollingUpdateStatefulSetStrategy { Partition = partition },
            },
        },
        Status = status,
    };
}
