namespace Orchestration.Sdk.Manifests.Publishing;

/// <summary>What a <see cref="PublishProgress"/> report is about.</summary>
public enum PublishStage
{
    /// <summary>An object was applied (created or updated by server-side apply).</summary>
    Applied,

    /// <summary>An object of the app that the declaration no longer declares was deleted.</summary>
    Pruned,

    /// <summary>A Deployment has not finished rolling out yet; the message says what it reports.</summary>
    Waiting,

    /// <summary>A Deployment has rolled out.</summary>
    RolledOut,
}
