using Orchestration.Sdk.Events;
using Orchestration.Sdk.Kubernetes.Discovery;
using Orchestration.Sdk.Kubernetes.Wire;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Kubernetes.Server;

/// <summary>
/// A parsed <c>fieldSelector</c>: <c>field=value</c>, <c>field==value</c> or <c>field!=value</c>, comma-separated, over the
/// fields Kubernetes supports for every kind (<c>metadata.name</c>, <c>metadata.namespace</c>) and for pods
/// (<c>spec.nodeName</c>, <c>status.phase</c>), and events' (<c>involvedObject.name</c>…). Another field is a 400, with Kubernetes' wording.
/// </summary>
internal sealed class FieldSelectorQuery
{
    private readonly List<(Func<Resource, string?> Field, string Value, bool Negate)> _terms = [];

    private FieldSelectorQuery()
    {
    }

    public static FieldSelectorQuery? Parse(string? text, ApiKind kind)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var query = new FieldSelectorQuery();
        foreach (var term in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var negate = term.Contains("!=", StringComparison.Ordinal);
            var parts = term.Split(negate ? "!=" : term.Contains("==", StringComparison.Ordinal) ? "==" : "=", 2);
            if (parts.Length != 2)
            {
                throw ApiError.BadRequest($"invalid selector: '{text}'; can't understand '{term}'");
            }

            var field = Field(parts[0].Trim(), kind) ?? throw ApiError.BadRequest($"field label not supported: {parts[0].Trim()}");
            query._terms.Add((field, parts[1].Trim(), negate));
        }

        return query;
    }

    public bool Matches(Resource resource) => _terms.TrueForAll(t => (t.Field(resource) == t.Value) != t.Negate);

    private static Func<Resource, string?>? Field(string name, ApiKind kind) => name switch
    {
        "metadata.name" => r => r.Metadata.Name,
        "metadata.namespace" => r => r.IsNamespaced ? r.Metadata.Namespace : string.Empty,
        "spec.nodeName" when kind == ApiKinds.Pod => r => ((Pod)r).Spec.NodeName ?? string.Empty,
        "status.phase" when kind == ApiKinds.Pod => r => ((Pod)r).Status.Phase.ToString(),
        "spec.unschedulable" when kind == ApiKinds.Node => r => ((Node)r).Spec.Unschedulable ? "true" : "false",

        // kubectl describe asks for an object's events by involvedObject.{kind,name,namespace,uid}.
        _ when kind.Kind == Event.KindName && EventMapper.Field(name) is { } field => r => field((Event)r),
        _ => null,
    };
}
