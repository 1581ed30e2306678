using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Store;

/// <summary>One change seen by a typed watch.</summary>
/// <typeparam name="T">The object type.</typeparam>
/// <param name="Type">What happened.</param>
/// <param name="Object">The object after the change (its last state for Deleted); null for Expired.</param>
/// <param name="ResourceVersion">The store version of the change; resume a watch from it.</param>
/// <param name="Message">Why the watch expired, for Expired.</param>
public sealed record WatchEvent<T>(WatchEventType Type, T? Object, long ResourceVersion, string? Message = null)
    where T : Resource;
