using Microsoft.Extensions.DependencyInjection;

namespace Orchestration.Sdk.Hosting;

internal sealed class OrchestrationBuilder(IServiceCollection services) : IOrchestrationBuilder
{
    public IServiceCollection Services { get; } = services;
}
