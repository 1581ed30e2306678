using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Runtime.NodeAgents;

namespace Orchestration.Sdk.Configuration;

/// <summary>
/// Brings the files of a running container up to date with the ConfigMaps and Secrets they come from, as the kubelet
/// refreshes configMap and secret volumes; needs a runtime that implements <see cref="IContainerFileUpdater"/>. While a
/// source is missing the container keeps its files.
/// </summary>
internal static class ConfigFileRefresh
{
    public static async Task RefreshAsync(NodeAgent agent, ObjectKey key, Pod pod, Container spec, string containerId, ContainerRecord record, CancellationToken ct)
    {
        if (spec.ConfigFiles.Count == 0 || agent.Runtime is not IContainerFileUpdater updater)
        {
            return;
        }

        var resolved = ConfigReferenceResolver.Resolve(agent.Store, pod, spec);
        if (resolved.Error is not null || (record.AppliedFiles is { } applied && Same(applied, resolved.Files)))
        {
            return;
        }

        try
        {
            await updater.UpdateFilesAsync(containerId, resolved.Files, ct).ConfigureAwait(false);
            record.AppliedFiles = resolved.Files;
            ConfigLog.FilesUpdated(agent.Logger, agent.NodeName, key.Display, spec.Name, resolved.Files.Count);
        }
        catch (ContainerRuntimeException ex)
        {
            NodeAgentLog.RuntimeCallFailed(agent.Logger, ex, agent.NodeName, key.Display, spec.Name, ex.Reason);
        }
    }

    private static bool Same(IReadOnlyList<ContainerFile> a, IReadOnlyList<ContainerFile> b) =>
        a.Count == b.Count && a.Zip(b).All(p =>
            p.First.Path == p.Second.Path && p.First.Mode == p.Second.Mode && p.First.IsSecret == p.Second.IsSecret &&
            p.First.Content.Span.SequenceEqual(p.Second.Content.Span));
}
