namespace Orchestration.Sdk.Model;

/// <summary>Requests and limits of a container for CPU and memory.</summary>
public sealed record ResourceRequirements
{
    /// <summary>What the scheduler reserves on the node. <value>The default value is empty (nothing reserved).</value></summary>
    public ResourceList Requests { get; init; } = new();

    /// <summary>What the runtime enforces. <value>The default value is empty (unlimited).</value></summary>
    public ResourceList Limits { get; init; } = new();

    /// <summary>
    /// The requests the scheduler uses: a resource with a limit but no request is requested at its limit, as Kubernetes defaults it.
    /// </summary>
    public ResourceList EffectiveRequests => new()
    {
        Cpu = Requests.Cpu ?? Limits.Cpu,
        Memory = Requests.Memory ?? Limits.Memory,
    };
}
