namespace Orchestration.Sdk.Tests.Diagnostics;

/// <summary>
/// Tests that listen to the SDK's ActivitySource and Meter, which are process-wide: they run alone, so other tests'
/// clusters neither pollute their measurements nor get the trace annotation while they listen.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
