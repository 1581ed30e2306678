using System.Text;
using System.Text.Json.Nodes;
using Orchestration.Sdk.Kubernetes.Patching;

namespace Orchestration.Sdk.Kubernetes.Tests.Patching;

/// <summary>The strategic merge rules and directives, one row each, after strategicpatch's patch_test.go.</summary>
public sealed class StrategicMergePatchTests
{
    public static TheoryData<string, string, string, string, string> Cases => new()
    {
        // name, kind, current, patch, expected
        { "null deletes a key", "ConfigMap", """{"data":{"a":"1","b":"2"}}""", """{"data":{"a":null}}""", """{"data":{"b":"2"}}""" },
        { "containers merge by name", "Pod",
            """{"spec":{"containers":[{"name":"a","image":"x:1"},{"name":"b","image":"y:1"}]}}""",
            """{"spec":{"containers":[{"name":"b","image":"y:2"}]}}""",
            """{"spec":{"containers":[{"name":"a","image":"x:1"},{"name":"b","image":"y:2"}]}}""" },
        { "a new container is appended", "Pod",
            """{"spec":{"containers":[{"name":"a"}]}}""", """{"spec":{"containers":[{"name":"c","image":"z"}]}}""",
            """{"spec":{"containers":[{"name":"a"},{"name":"c","image":"z"}]}}""" },
        { "initContainers env by name", "Deployment",
            """{"spec":{"template":{"spec":{"initContainers":[{"name":"i","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]}]}}}}""",
            """{"spec":{"template":{"spec":{"initContainers":[{"name":"i","env":[{"name":"B","value":"3"}]}]}}}}""",
            """{"spec":{"template":{"spec":{"initContainers":[{"name":"i","env":[{"name":"A","value":"1"},{"name":"B","value":"3"}]}]}}}}""" },
        { "ports by containerPort", "Pod",
            """{"spec":{"containers":[{"name":"a","ports":[{"containerPort":80,"name":"http"}]}]}}""",
            """{"spec":{"containers":[{"name":"a","ports":[{"containerPort":80,"protocol":"TCP"}]}]}}""",
            """{"spec":{"containers":[{"name":"a","ports":[{"containerPort":80,"name":"http","protocol":"TCP"}]}]}}""" },
        { "volumeMounts by mountPath and volumes by name", "Pod",
            """{"spec":{"volumes":[{"name":"v","emptyDir":{}}],"containers":[{"name":"a","volumeMounts":[{"mountPath":"/d","name":"v"}]}]}}""",
            """{"spec":{"volumes":[{"name":"w","emptyDir":{}}],"containers":[{"name":"a","volumeMounts":[{"mountPath":"/d","readOnly":true}]}]}}""",
            """{"spec":{"volumes":[{"name":"v","emptyDir":{}},{"name":"w","emptyDir":{}}],"containers":[{"name":"a","volumeMounts":[{"mountPath":"/d","name":"v","readOnly":true}]}]}}""" },
        { "service ports by port", "Service",
            """{"spec":{"ports":[{"port":80,"targetPort":8080},{"port":443}]}}""", """{"spec":{"ports":[{"port":80,"targetPort":9090}]}}""",
            """{"spec":{"ports":[{"port":80,"targetPort":9090},{"port":443}]}}""" },
        { "conditions by type", "Pod",
            """{"status":{"conditions":[{"type":"Ready","status":"False"},{"type":"PodScheduled","status":"True"}]}}""",
            """{"status":{"conditions":[{"type":"Ready","status":"True"}]}}""",
            """{"status":{"conditions":[{"type":"Ready","status":"True"},{"type":"PodScheduled","status":"True"}]}}""" },
        { "ownerReferences by uid", "ReplicaSet",
            """{"metadata":{"ownerReferences":[{"uid":"1","name":"a"},{"uid":"2","name":"b"}]}}""",
            """{"metadata":{"ownerReferences":[{"uid":"2","controller":true}]}}""",
            """{"metadata":{"ownerReferences":[{"uid":"1","name":"a"},{"uid":"2","name":"b","controller":true}]}}""" },
        { "imagePullSecrets by name", "Pod",
            """{"spec":{"imagePullSecrets":[{"name":"a"}]}}""", """{"spec":{"imagePullSecrets":[{"name":"b"}]}}""",
            """{"spec":{"imagePullSecrets":[{"name":"a"},{"name":"b"}]}}""" },
        { "tolerations are replaced", "Pod",
            """{"spec":{"tolerations":[{"key":"a"}]}}""", """{"spec":{"tolerations":[{"key":"b"}]}}""", """{"spec":{"tolerations":[{"key":"b"}]}}""" },
        { "args and command are replaced", "Pod",
            """{"spec":{"containers":[{"name":"a","command":["sh"],"args":["-c","x"]}]}}""",
            """{"spec":{"containers":[{"name":"a","args":["y"]}]}}""",
            """{"spec":{"containers":[{"name":"a","command":["sh"],"args":["y"]}]}}""" },
        { "finalizers merge as a set", "Deployment",
            """{"metadata":{"finalizers":["a","b"]}}""", """{"metadata":{"finalizers":["b","c"]}}""", """{"metadata":{"finalizers":["a","b","c"]}}""" },
        { "$deleteFromPrimitiveList", "Deployment",
            """{"metadata":{"finalizers":["a","b","c"]}}""", """{"metadata":{"$deleteFromPrimitiveList/finalizers":["b"]}}""", """{"metadata":{"finalizers":["a","c"]}}""" },
        { "$patch: delete of a list element", "Pod",
            """{"spec":{"containers":[{"name":"a"},{"name":"b"}]}}""", """{"spec":{"containers":[{"name":"a","$patch":"delete"}]}}""",
            """{"spec":{"containers":[{"name":"b"}]}}""" },
        { "$patch: replace of a list", "Pod",
            """{"spec":{"containers":[{"name":"a"},{"name":"b"}]}}""", """{"spec":{"containers":[{"name":"c"},{"$patch":"replace"}]}}""",
            """{"spec":{"containers":[{"name":"c"}]}}""" },
        { "$patch: replace of a map", "ConfigMap",
            """{"data":{"a":"1","b":"2"}}""", """{"data":{"c":"3","$patch":"replace"}}""", """{"data":{"c":"3"}}""" },
        { "$patch: delete of a map", "ConfigMap",
            """{"data":{"a":"1"},"kind":"ConfigMap"}""", """{"data":{"$patch":"delete"}}""", """{"kind":"ConfigMap"}""" },
        { "$patch: merge is the default", "ConfigMap",
            """{"data":{"a":"1"}}""", """{"data":{"b":"2","$patch":"merge"}}""", """{"data":{"a":"1","b":"2"}}""" },
        { "$retainKeys clears fields it does not list", "Deployment",
            """{"spec":{"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1}}}}""",
            """{"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}}""",
            """{"spec":{"strategy":{"type":"Recreate"}}}""" },
        { "$setElementOrder reorders and keeps server-only elements in place", "Pod",
            """{"spec":{"containers":[{"name":"a"},{"name":"x"},{"name":"b"}]}}""",
            """{"spec":{"$setElementOrder/containers":[{"name":"c"},{"name":"b"},{"name":"a"}],"containers":[{"name":"c"}]}}""",
            """{"spec":{"containers":[{"name":"c"},{"name":"x"},{"name":"b"},{"name":"a"}]}}""" },
        { "directives never reach a new field", "Pod",
            """{"spec":{}}""", """{"spec":{"$setElementOrder/containers":[{"name":"a"}],"containers":[{"name":"a","$setElementOrder/env":[{"name":"E"}],"env":[{"name":"E","value":"1"}]}]}}""",
            """{"spec":{"containers":[{"name":"a","env":[{"name":"E","value":"1"}]}]}}""" },
        { "unknown kind: lists replace", "Widget",
            """{"spec":{"items":[{"name":"a"}]}}""", """{"spec":{"items":[{"name":"b"}]}}""", """{"spec":{"items":[{"name":"b"}]}}""" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Apply_StrategicMergePatch_MergesAsKubernetes(string name, string kind, string current, string patch, string expected)
    {
        var result = PatchApplier.Apply(JsonNode.Parse(current)!.AsObject(), PatchContentTypes.StrategicMergePatch, Encoding.UTF8.GetBytes(patch), kind);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), result), $"{name}: got {result.ToJsonString()}");
    }

    [Theory]
    [InlineData("""{"spec":{"containers":[{"image":"x"}]}}""", 400, "does not contain declared merge key: name")]
    [InlineData("""{"data":{"$patch":"bogus"}}""", 400, "unknown patch type: bogus")]
    [InlineData("""{"spec":{"strategy":{"$retainKeys":["type"],"rollingUpdate":{}}}}""", 422, "doesn't match the retainKeys list")]
    [InlineData("""[1]""", 400, "must be a JSON object")]
    [InlineData("""{"spec":""", 400, "error decoding patch")]
    public void Apply_BadStrategicMergePatch_ThrowsKubernetesStyleError(string patch, int code, string message)
    {
        var current = JsonNode.Parse("""{"spec":{"containers":[{"name":"a"}]}}""")!.AsObject();

        var error = Assert.Throws<KubernetesPatchException>(
            () => PatchApplier.Apply(current, PatchContentTypes.StrategicMergePatch, Encoding.UTF8.GetBytes(patch), "Pod"));

        Assert.Equal(code, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(code, error.ToStatus().Code);
    }
}
