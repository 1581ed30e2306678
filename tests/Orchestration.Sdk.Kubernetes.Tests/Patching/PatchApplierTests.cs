using System.Text;
using System.Text.Json.Nodes;
using Orchestration.Sdk.Kubernetes.Patching;

namespace Orchestration.Sdk.Kubernetes.Tests.Patching;

public sealed class PatchApplierTests
{
    private const string Current = """{"metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"list":[1,2]}}""";

    [Theory]
    [InlineData("""[{"op":"add","path":"/metadata/labels/a~1b","value":"x"}]""", "metadata.labels", """{"app":"web","a/b":"x"}""")]
    [InlineData("""[{"op":"remove","path":"/metadata/labels/app"}]""", "metadata.labels", "{}")]
    [InlineData("""[{"op":"replace","path":"/spec/replicas","value":3}]""", "spec.replicas", "3")]
    [InlineData("""[{"op":"add","path":"/spec/list/-","value":3},{"op":"add","path":"/spec/list/0","value":0}]""", "spec.list", "[0,1,2,3]")]
    [InlineData("""[{"op":"move","from":"/spec/replicas","path":"/spec/count"}]""", "spec", """{"list":[1,2],"count":1}""")]
    [InlineData("""[{"op":"copy","from":"/spec/list","path":"/spec/copy"}]""", "spec.copy", "[1,2]")]
    [InlineData("""[{"op":"test","path":"/spec/replicas","value":1},{"op":"replace","path":"/spec/replicas","value":2}]""", "spec.replicas", "2")]
    public void Apply_JsonPatch_AppliesEveryOperation(string patch, string path, string expected)
    {
        var result = Apply(PatchContentTypes.JsonPatch, patch);

        Assert.Equal(expected, JsonPaths.Json(JsonPaths.Select(result, path)));
    }

    [Theory]
    [InlineData("""[{"op":"replace","path":"/spec/replicas","value":5},{"op":"test","path":"/spec/replicas","value":1}]""")]
    [InlineData("""[{"op":"remove","path":"/spec/missing"}]""")]
    public void Apply_JsonPatchThatDoesNotApply_Is422AndChangesNothing(string patch)
    {
        var current = JsonNode.Parse(Current)!.AsObject();

        var error = Assert.Throws<KubernetesPatchException>(
            () => PatchApplier.Apply(current, PatchContentTypes.JsonPatch, Encoding.UTF8.GetBytes(patch), "Deployment"));

        Assert.Equal(422, error.Code);
        Assert.Equal("Invalid", error.Reason);
        Assert.Equal(1, current["spec"]!["replicas"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(PatchContentTypes.JsonPatch, """{"op":"add"}""")]
    [InlineData(PatchContentTypes.JsonPatch, """[{"op":""")]
    [InlineData(PatchContentTypes.MergePatch, """{"a":""")]
    [InlineData(PatchContentTypes.MergePatch, "\"text\"")]
    public void Apply_MalformedPatch_Is400(string contentType, string patch)
    {
        var error = Assert.Throws<KubernetesPatchException>(() => Apply(contentType, patch));

        Assert.Equal(400, error.Code);
        Assert.Equal("BadRequest", error.Reason);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData(null)]
    public void Apply_UnknownPatchType_Is415NamingTheAcceptedTypes(string? contentType)
    {
        var error = Assert.Throws<KubernetesPatchException>(() => Apply(contentType, "{}"));

        Assert.Equal(415, error.Code);
        Assert.Equal("UnsupportedMediaType", error.ToStatus().Reason);
        Assert.Contains("application/strategic-merge-patch+json", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"metadata":{"labels":{"app":null,"b":"2"}}}""", "metadata.labels", """{"b":"2"}""")]
    [InlineData("""{"spec":{"list":[9]}}""", "spec.list", "[9]")]
    [InlineData("""{"spec":{"new":{"a":{"b":1}}}}""", "spec.new", """{"a":{"b":1}}""")]
    [InlineData("""{"spec":null}""", "spec", "null")]
    public void Apply_MergePatch_FollowsRfc7386(string patch, string path, string expected)
    {
        var result = Apply("application/merge-patch+json; charset=utf-8", patch);

        Assert.Equal(expected, JsonPaths.Json(JsonPaths.Select(result, path)));
    }

    [Theory]
    [InlineData("metadata:\n  labels:\n    tier: front\nspec:\n  replicas: 3\n")]
    [InlineData("""{"metadata":{"labels":{"tier":"front"}},"spec":{"replicas":3}}""")]
    public void Apply_ApplyPatchYamlOrJson_MergesTheAppliedFieldsAndKeepsTheOthers(string patch)
    {
        var result = Apply(PatchContentTypes.ApplyPatch + "; charset=utf-8", patch);

        Assert.Equal("""{"app":"web","tier":"front"}""", JsonPaths.Json(JsonPaths.Select(result, "metadata.labels")));
        Assert.Equal("3", JsonPaths.Json(JsonPaths.Select(result, "spec.replicas")));
        Assert.Equal("[1,2]", JsonPaths.Json(JsonPaths.Select(result, "spec.list")));
    }

    [Theory]
    [InlineData("- a\n- b\n")]
    [InlineData("a: [\n")]
    [InlineData("a: 1\n---\nb: 2\n")]
    public void Apply_ApplyPatchThatIsNotOneObject_Is400(string patch)
    {
        var error = Assert.Throws<KubernetesPatchException>(() => Apply(PatchContentTypes.ApplyPatch, patch));

        Assert.Equal(400, error.Code);
    }

    private static JsonObject Apply(string? contentType, string patch) =>
        PatchApplier.Apply(JsonNode.Parse(Current)!.AsObject(), contentType, Encoding.UTF8.GetBytes(patch), "Deployment");
}
