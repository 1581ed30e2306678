namespace Orchestration.Sdk.Docker.Tests.MultiEngine;

/// <summary>The tests that use (and stop) the extra engines run one at a time, and not beside the engine-restart chaos test.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EngineCollection
{
    public const string Name = "extra engines";
}
