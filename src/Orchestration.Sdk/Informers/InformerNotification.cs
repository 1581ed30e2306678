using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Informers;

/// <summary>One change queued for a handler: an add (Old null), an update, or a delete (New is the last state).</summary>
internal readonly record struct InformerNotification(InformerNotificationType Type, Resource? Old, Resource New, bool IsInInitialList = false);

/// <summary>The kinds of <see cref="InformerNotification"/>.</summary>
internal enum InformerNotificationType
{
    Add,
    Update,
    Delete,
}
