using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Informers;

/// <summary>The indexes every shared informer keeps, and how their values are written.</summary>
public static class InformerIndexes
{
    /// <summary>By namespace: the value is the namespace (empty for cluster-scoped kinds).</summary>
    public const string Namespace = "namespace";

    /// <summary>By label: the value is "key=value" (see <see cref="LabelValue"/>).</summary>
    public const string Label = "label";

    /// <summary>By controlling owner: each object is filed under its controller's uid and under "Kind/name" (see <see cref="OwnerValue"/>).</summary>
    public const string Owner = "owner";

    /// <summary>By node, for pods: the value is spec.nodeName; unbound pods are not filed.</summary>
    public const string Node = "node";

    /// <summary>The <see cref="Label"/> index value for a label pair.</summary>
    /// <param name="key">The label key.</param>
    /// <param name="value">The label value.</param>
    /// <returns>"key=value".</returns>
    public static string LabelValue(string key, string value) => $"{key}={value}";

    /// <summary>The <see cref="Owner"/> index value for an owner by kind and name (an object is also filed under the owner's uid).</summary>
    /// <param name="kind">The owner's kind.</param>
    /// <param name="name">The owner's name.</param>
    /// <returns>"Kind/name".</returns>
    public static string OwnerValue(string kind, string name) => $"{kind}/{name}";

    internal static IEnumerable<string> NamespaceOf(Resource obj) => [obj.Metadata.Namespace];

    internal static IEnumerable<string> LabelsOf(Resource obj) => obj.Metadata.Labels.Select(p => LabelValue(p.Key, p.Value));

    internal static IEnumerable<string> OwnerOf(Resource obj) =>
        obj.Metadata.Controller is { } o ? [o.Uid, OwnerValue(o.Kind, o.Name)] : [];

    /// <summary>Whether two versions share their owner references (by reference: a write that kept them, the usual case).</summary>
    internal static bool SameOwnerReferences(Resource a, Resource b) => ReferenceEquals(a.Metadata.OwnerReferences, b.Metadata.OwnerReferences);

    internal static IEnumerable<string> NodeOf(Resource obj) =>
        obj is Pod { Spec.NodeName: { Length: > 0 } node } ? [node] : [];
}
