using System.Globalization;
using Orchestration.Sdk.Autoscaling;
using Orchestration.Sdk.Declaration;

namespace Orchestration.Sdk.Kinds.BuiltIn;

/// <summary>HorizontalPodAutoscalers (autoscaling/v2), as kubernetes pkg/registry/autoscaling/horizontalpodautoscaler.</summary>
internal sealed class HorizontalPodAutoscalerRule : BuiltInRule<HorizontalPodAutoscaler>
{
    public override string Kind => HorizontalPodAutoscaler.KindName;

    public override string Plural => "horizontalpodautoscalers";

    public override IReadOnlyList<string> ShortNames { get; } = ["hpa"];

    public override string Group => "autoscaling";

    public override string Version => "v2";

    public override IReadOnlyList<TableColumn> PrintColumns { get; } =
    [
        TableColumn.NameColumn,
        Column("Reference", "string", "The reference to the autoscaled resource", h => $"Deployment/{h.Spec.ScaleTargetName}"),
        Column("Targets", "string", "The current and target metrics", TargetsOf),
        Column("MinPods", "string", "The minimum number of pods", h => h.Spec.MinReplicas),
        Column("MaxPods", "string", "The maximum number of pods", h => h.Spec.MaxReplicas),
        Column("Replicas", "string", "The current number of pods", h => h.Status.CurrentReplicas),
        TableColumn.AgeColumn,
    ];

    protected override void Validate(HorizontalPodAutoscaler obj, FieldPath root, bool checkNamespace, List<ValidationError> errors) =>
        HorizontalPodAutoscalerValidator.Validate(obj, root, checkNamespace, errors);

    /// <summary>"cpu: 40%/80%" per metric, "&lt;unknown&gt;" for a current value not yet measured, as printers.go.</summary>
    private static string TargetsOf(HorizontalPodAutoscaler hpa)
    {
        if (hpa.Spec.Metrics.Count == 0)
        {
            return Cells.None;
        }

        return string.Join(", ", hpa.Spec.Metrics.Select(m =>
        {
            var current = hpa.Status.CurrentMetrics.FirstOrDefault(c => c.Name == m.Name);
            var (now, target) = m.Target.Type switch
            {
                MetricTargetType.Utilization => (current?.AverageUtilization is { } u ? Percent(u) : Cells.Unknown, Percent(m.Target.AverageUtilization ?? 0)),
                MetricTargetType.AverageValue => (current is null ? Cells.Unknown : current.Value.ToString(CultureInfo.InvariantCulture), m.Target.AverageValue?.ToString() ?? Cells.Unknown),
                _ => (current is null ? Cells.Unknown : current.Value.ToString(CultureInfo.InvariantCulture), m.Target.Value?.ToString() ?? Cells.Unknown),
            };
            return $"{m.Name}: {now}/{target}";
        }));
    }

    private static string Percent(int value) => string.Create(CultureInfo.InvariantCulture, $"{value}%");
}
