using System.Text.Json.Nodes;

namespace Orchestration.Sdk.Kubernetes.Patching;

/// <summary>
/// RFC 7386 JSON merge patch: objects merge key by key, null removes a key, anything else (lists included) replaces.
/// Written here because it is the RFC's ten-line algorithm and no served package applies it to a JsonNode tree.
/// </summary>
internal static class MergePatch
{
    public static JsonObject Apply(JsonObject current, JsonObject patch)
    {
        var result = current.DeepClone().AsObject();
        MergeInto(result, patch);
        return result;
    }

    private static void MergeInto(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch)
        {
            if (value is null)
            {
                target.Remove(key);
            }
            else if (value is JsonObject patchObject)
            {
                if (target[key] is not JsonObject targetObject)
                {
                    targetObject = new JsonObject();
                    target[key] = targetObject;
                }

                MergeInto(targetObject, patchObject);
            }
            else
            {
                target[key] = value.DeepClone();
            }
        }
    }
}
