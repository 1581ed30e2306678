using Microsoft.Extensions.DependencyInjection;

namespace Orchestration.Sdk.Hosting;

/// <summary>
/// Returned by <c>AddOrchestration</c>: chooses the runtime (<c>UseInMemoryRuntime</c>, <c>UseDocker</c>) and
/// configures options. Runtime packages add their own extension methods on it.
/// </summary>
public interface IOrchestrationBuilder
{
    /// <summary>The service collection the orchestrator is registered in.</summary>
    IServiceCollection Services { get; }
}
