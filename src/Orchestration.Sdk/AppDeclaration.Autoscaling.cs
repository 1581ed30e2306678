using Orchestration.Sdk.Autoscaling;

namespace Orchestration.Sdk;

public sealed partial class AppDeclaration
{
    /// <summary>
    /// Declares a horizontal pod autoscaler, which then owns the replica count of its deployment (by default the
    /// deployment of the same name): it scales between min and max replicas to keep its metrics near their targets,
    /// with Kubernetes' algorithm and defaults. The name must be a DNS-1123 subdomain.
    /// </summary>
    /// <param name="name">The autoscaler's name, unique among the declaration's autoscalers.</param>
    /// <returns>The builder, to set the bounds and metrics.</returns>
    /// <example><c>app.AddAutoscaler("web").WithReplicas(min: 2, max: 10).WithCpuUtilization(70);</c></example>
    public AutoscalerBuilder AddAutoscaler(string name) => Add(new AutoscalerBuilder(name));
}
