namespace Orchestration.Sdk.Hosting;

/// <summary>One <c>AddOrchestration(app => …)</c> callback; all of them are built together at start.</summary>
internal sealed record DeclarationSource(Action<AppDeclaration> Declare);
