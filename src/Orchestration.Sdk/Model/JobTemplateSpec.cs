namespace Orchestration.Sdk.Model;

/// <summary>The Jobs a CronJob creates: their labels, annotations and spec.</summary>
public sealed record JobTemplateSpec
{
    /// <summary>Labels given to every Job. <value>The default value is empty.</value></summary>
    public IReadOnlyDictionary<string, string> Labels { get; init => field = ValueCollections.Map(value); } = ObjectMeta.EmptyMap;

    /// <summary>Annotations given to every Job. <value>The default value is empty.</value></summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init => field = ValueCollections.Map(value); } = ObjectMeta.EmptyMap;

    /// <summary>The Job spec.</summary>
    public JobSpec Spec { get; init; } = new();
}
