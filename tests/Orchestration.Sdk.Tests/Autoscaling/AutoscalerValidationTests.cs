using Orchestration.Sdk.Autoscaling;
using Orchestration.Sdk.Declaration;

namespace Orchestration.Sdk.Tests.Autoscaling;

public class AutoscalerValidationTests
{
    public static TheoryData<Action<AutoscalerBuilder>, string> BadAutoscalers => new()
    {
        { a => a.WithReplicas(5, 2).WithCpuUtilization(70), "horizontalpodautoscalers[web].spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`" },
        { a => a.WithReplicas(-1, 2).WithCpuUtilization(70), "horizontalpodautoscalers[web].spec.minReplicas: Invalid value: -1: must be greater than or equal to 0" },
        { a => a.WithReplicas(0, 2).WithCpuUtilization(70), "horizontalpodautoscalers[web].spec.metrics: Forbidden: must specify at least one Custom metric to support scaling to zero replicas" },
        { a => a.WithReplicas(0, 0).WithCustomMetric("queue", "5"), "horizontalpodautoscalers[web].spec.maxReplicas: Invalid value: 0: must be greater than 0" },
        { a => a.WithReplicas(1, 3).WithCpuUtilization(0), "horizontalpodautoscalers[web].spec.metrics[0].target.averageUtilization: Invalid value: 0: must be greater than 0" },
        { a => a.WithReplicas(1, 3).WithMemoryAverage("0"), "horizontalpodautoscalers[web].spec.metrics[0].target.averageValue: Invalid value: \"0\": must be positive" },
        { a => a.WithReplicas(1, 3).WithCustomMetricTotal("queue", "-1"), "horizontalpodautoscalers[web].spec.metrics[0].target.value: Invalid value: \"-1\": must be positive" },
        { a => a.WithReplicas(1, 3), "horizontalpodautoscalers[web].spec.metrics: Required value: must specify at least one metric" },
        { a => a.WithReplicas(1, 3).WithMetric(new(MetricSourceType.Resource, "gpu", MetricTarget.Utilization(50))), "horizontalpodautoscalers[web].spec.metrics[0].name: Unsupported value: \"gpu\": supported values: \"cpu\", \"memory\"" },
        { a => a.WithReplicas(1, 3).WithCpuUtilization(70).WithScaleDown(new ScalingRules { StabilizationWindowSeconds = 4000 }), "horizontalpodautoscalers[web].spec.behavior.scaleDown.stabilizationWindowSeconds: Invalid value: 4000: must be less than or equal to 3600" },
        { a => a.WithReplicas(1, 3).WithCpuUtilization(70).WithScaleUp(new ScalingRules { Policies = [new(ScalingPolicyType.Pods, 0, 15)] }), "horizontalpodautoscalers[web].spec.behavior.scaleUp.policies[0].value: Invalid value: 0: must be greater than zero" },
        { a => a.WithReplicas(1, 3).WithCpuUtilization(70).WithScaleUp(new ScalingRules { Policies = [new(ScalingPolicyType.Percent, 100, 0)] }), "horizontalpodautoscalers[web].spec.behavior.scaleUp.policies[0].periodSeconds: Invalid value: 0: must be greater than zero" },
        { a => a.WithReplicas(1, 3).Scaling("Bad_Name").WithCpuUtilization(70), "horizontalpodautoscalers[web].spec.scaleTargetRef.name: Invalid value: \"Bad_Name\"" },
    };

    [Theory]
    [MemberData(nameof(BadAutoscalers))]
    public void Validate_BadAutoscaler_ReportsKubernetesError(Action<AutoscalerBuilder> configure, string expected)
    {
        var app = new AppDeclaration();
        app.AddDeployment("web").WithImage("web:1");
        configure(app.AddAutoscaler("web"));

        var errors = app.Validate();

        Assert.Contains(errors, e => e.ToString().StartsWith(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Validate_ScaleToZeroWithCustomMetric_IsValid(int min)
    {
        var app = new AppDeclaration();
        app.AddDeployment("worker").WithImage("worker:1");
        app.AddAutoscaler("worker").WithReplicas(min, 10).WithCustomMetric("queue", "5");

        Assert.Empty(app.Validate());
    }

    [Fact]
    public void Build_Autoscaler_ProducesSpecWithKubernetesDefaults()
    {
        var app = new AppDeclaration();
        var web = app.AddDeployment("web").WithImage("web:1");
        app.AddAutoscaler("web-hpa").Scaling(web).WithReplicas(2, 10).WithCpuUtilization(70).WithMemoryUtilization(80);

        var hpa = Assert.IsType<HorizontalPodAutoscaler>(app.Build()[1]);

        Assert.Equal(("web", 2, 10), (hpa.Spec.ScaleTargetName, hpa.Spec.MinReplicas, hpa.Spec.MaxReplicas));
        Assert.Equal([MetricSpec.Cpu, MetricSpec.Memory], hpa.Spec.Metrics.Select(m => m.Name));
        Assert.Equal(ScalingRules.DefaultScaleUp, hpa.Spec.Behavior.ScaleUp);
        Assert.Equal(300, hpa.Spec.Behavior.ScaleDown.StabilizationWindowSeconds);
    }
}
