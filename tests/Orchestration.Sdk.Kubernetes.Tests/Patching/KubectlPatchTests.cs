using System.Text;
using System.Text.Json.Nodes;
using Orchestration.Sdk.Kubernetes.Patching;

namespace Orchestration.Sdk.Kubernetes.Tests.Patching;

/// <summary>The exact PATCH bodies kubectl 1.32 sent (recorded in Kubectl132/), applied to the object kubectl read.</summary>
public sealed class KubectlPatchTests
{
    // A path uses '~' for a '.' inside a key (annotation names).
    public static TheoryData<string, string, string, string> Cases => new()
    {
        { "apply", "deployment-web.json", "metadata.labels", """{"app":"web","team":"shop"}""" },
        { "apply", "deployment-web.json", "spec.replicas", "4" },
        { "apply", "deployment-web.json", "spec.template.spec.containers[0].name", "\"sidecar\"" },
        { "apply", "deployment-web.json", "spec.template.spec.containers[1].image", "\"nginx:1.26\"" },
        { "apply", "deployment-web.json", "spec.template.spec.containers[1].env", """[{"name":"MODE","value":"prod"},{"name":"LOG","value":"info"}]""" },
        { "apply", "deployment-web.json", "spec.template.spec.containers[1].ports", """[{"containerPort":80},{"containerPort":443}]""" },
        { "apply", "deployment-web.json", "spec.template.spec.containers[1].imagePullPolicy", "\"IfNotPresent\"" },
        { "apply", "deployment-web.json", "spec.template.spec.containers[0].args", """["sleep","3600"]""" },
        { "apply", "deployment-web.json", "metadata.annotations.deployment~kubernetes~io/revision", "\"2\"" },
        { "apply", "deployment-web.json", "spec.strategy.type", "\"RollingUpdate\"" },
        { "set-image", "deployment-web.json", "spec.template.spec.containers[0].image", "\"nginx:1.27\"" },
        { "set-image", "deployment-web.json", "spec.template.spec.containers[0].env[1].name", "\"DEBUG\"" },
        { "set-image", "deployment-web.json", "spec.template.spec.containers[1].image", "\"busybox:1.36\"" },
        { "label", "deployment-web.json", "metadata.labels", """{"app":"web","env":"staging"}""" },
        { "annotate", "deployment-web.json", "metadata.annotations.note", "\"hello\"" },
        { "annotate", "deployment-web.json", "metadata.annotations.deployment~kubernetes~io/revision", "\"2\"" },
        { "rollout-restart", "deployment-web.json", "spec.template.metadata.annotations.kubectl~kubernetes~io/restartedAt", "\"2026-12-01T21:43:13Z\"" },
        { "rollout-restart", "deployment-web.json", "spec.template.metadata.labels", """{"app":"web"}""" },
        { "rollout-pause", "deployment-web.json", "spec.paused", "true" },
        { "rollout-resume", "deployment-web.json", "spec.paused", "null" },
        { "rollout-undo", "deployment-web.json", "spec.template.spec.containers[0].image", "\"nginx:1.24\"" },
        { "rollout-undo", "deployment-web.json", "spec.template.metadata.labels", """{"app":"web"}""" },
        { "rollout-undo", "deployment-web.json", "spec.replicas", "3" },
        { "label-pod", "pod-p1.json", "metadata.labels", """{"x":"y"}""" },
        { "label-pod", "pod-p1.json", "spec.containers[0].image", "\"busybox\"" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Apply_KubectlPatch_ProducesWhatKubeApiserverWould(string command, string objectFile, string path, string expected)
    {
        var result = ApplyRecorded(command, objectFile);

        Assert.Equal(expected, JsonPaths.Json(JsonPaths.Select(result, path)));
    }

    [Fact]
    public void Apply_KubectlApply_StoresTheNewLastAppliedConfiguration()
    {
        var recorded = Recorded("apply");
        var result = ApplyRecorded("apply", "deployment-web.json");

        var stored = JsonPaths.Select(result, "metadata.annotations.kubectl~kubernetes~io/last-applied-configuration")!.GetValue<string>();
        var sent = JsonPaths.Select(recorded["body"], "metadata.annotations.kubectl~kubernetes~io/last-applied-configuration")!.GetValue<string>();
        Assert.Equal(sent, stored);
        Assert.Equal("nginx:1.26", JsonPaths.Select(JsonNode.Parse(stored), "spec.template.spec.containers[1].image")!.GetValue<string>());
    }

    [Fact]
    public void Apply_KubectlRolloutUndo_RestoresTheOlderReplicaSetsTemplate()
    {
        var replicaSets = Load("replicasets-web.json");
        var revision1 = JsonPaths.Select(replicaSets, "items[0].spec.template.spec")!;

        var result = ApplyRecorded("rollout-undo", "deployment-web.json");

        Assert.True(JsonNode.DeepEquals(revision1, JsonPaths.Select(result, "spec.template.spec")));
    }

    [Fact]
    public void Apply_KubectlScale_SetsReplicasOfTheScaleObject()
    {
        var scale = JsonNode.Parse("""{"kind":"Scale","apiVersion":"autoscaling/v1","metadata":{"name":"web"},"spec":{"replicas":3},"status":{"replicas":3}}""")!.AsObject();
        var recorded = Recorded("scale");

        var result = PatchApplier.Apply(scale, recorded["contentType"]!.GetValue<string>(), Body(recorded), "Scale");

        Assert.Equal(5, result["spec"]!["replicas"]!.GetValue<int>());
        Assert.Equal(3, result["status"]!["replicas"]!.GetValue<int>());
    }

    [Fact]
    public void Apply_AnyKubectlPatch_LeavesTheCurrentObjectUnchanged()
    {
        var current = Load("deployment-web.json");
        var before = current.ToJsonString();
        var recorded = Recorded("apply");

        PatchApplier.Apply(current, recorded["contentType"]!.GetValue<string>(), Body(recorded), "Deployment");

        Assert.Equal(before, current.ToJsonString());
    }

    private static JsonObject ApplyRecorded(string command, string objectFile)
    {
        var current = Load(objectFile);
        if (command == "rollout-resume")
        {
            current["spec"]!["paused"] = true;
        }

        var recorded = Recorded(command);
        return PatchApplier.Apply(current, recorded["contentType"]!.GetValue<string>(), Body(recorded), current["kind"]!.GetValue<string>());
    }

    private static JsonObject Recorded(string command) => Load($"{command}.patch.json");

    private static byte[] Body(JsonObject recorded) => Encoding.UTF8.GetBytes(recorded["body"]!.ToJsonString());

    private static JsonObject Load(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Patching", "Kubectl132", file)))!.AsObject();
}
