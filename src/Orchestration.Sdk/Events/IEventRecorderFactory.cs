namespace Orchestration.Sdk.Events;

/// <summary>
/// Creates recorders that report as one component, as client-go's EventBroadcaster.NewRecorder. Every recorder
/// writes through the same bounded queue. Registered by <c>AddOrchestration</c>.
/// </summary>
public interface IEventRecorderFactory
{
    /// <summary>A recorder whose events carry <paramref name="component"/> as their source and reporting controller.</summary>
    /// <param name="component">The component ("my-operator").</param>
    /// <param name="host">The node it runs on, for node-local components. <value>The default value is null.</value></param>
    IEventRecorder CreateRecorder(string component, string? host = null);
}
