using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Hosting;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Store;
using Orchestration.Sdk.Runtime.NodeAgents;

namespace Orchestration.Sdk.Configuration;

/// <summary>
/// Watches ConfigMaps and Secrets and asks the node agents to sync every bound pod that refers to a changed one, so a
/// container waiting for a missing reference starts once it exists, and mounted files follow ConfigMap changes. A watch
/// only sees changes made after it starts, so each time one starts (first, and again after it expired or failed) every
/// bound pod that refers to an object of the kind is synced once, as an informer's initial list does: a change made
/// before the watcher ran (the runner does not wait for components to start) or while its watch was down is not lost.
/// </summary>
internal sealed class ConfigChangeWatcher(ResourceStore store, NodeAgentManager agents, ILogger<ConfigChangeWatcher> logger) : IClusterComponent
{
    public string Name => "config-change-watcher";

    public Task RunAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(WatchAsync(ConfigMap.KindName, stoppingToken), WatchAsync(Secret.KindName, stoppingToken));

    /// <summary>Whether a container of the pod refers to the ConfigMap or Secret.</summary>
    internal static bool RefersTo(Pod pod, string kind, string name) => RefersTo(pod.Spec, kind, name);

    /// <summary>Whether a container of the pod spec refers to the ConfigMap or Secret.</summary>
    internal static bool RefersTo(PodSpec spec, string kind, string name) => RefersTo(spec, kind, n => n == name);

    /// <summary>Whether a container of the pod spec refers to a ConfigMap or Secret whose name matches.</summary>
    private static bool RefersTo(PodSpec spec, string kind, Func<string?, bool> matches)
    {
        var secret = kind == Secret.KindName;
        foreach (var c in spec.Containers)
        {
            if (c.EnvFrom.Any(s => matches(secret ? s.SecretName : s.ConfigMapName)) ||
                c.ConfigFiles.Any(m => matches(secret ? m.SecretName : m.ConfigMapName)) ||
                c.Env.Any(e => matches((secret ? e.ValueFrom?.SecretKeyRef : e.ValueFrom?.ConfigMapKeyRef)?.Name)))
            {
                return true;
            }
        }

        return false;
    }

    private async Task WatchAsync(string kind, CancellationToken ct)
    {
        await Task.Yield();
        while (!ct.IsCancellationRequested)
        {
            try
            {
                // Take the version first: a change after it reaches the watch, one before it is read by the sync.
                var from = store.Version;
                SyncAllReferrers(kind);
                await foreach (var e in store.Watch(kind, from, ct).ConfigureAwait(false))
                {
                    if (e.Type == WatchEventType.Expired)
                    {
                        ConfigLog.WatchExpired(logger, kind, e.Message);
                        break;
                    }

                    if (e.Object is { } changed)
                    {
                        if (e.Type == WatchEventType.Modified)
                        {
                            ConfigRollout.RollReferrers(store, changed, logger);
                        }

                        SyncReferrers(kind, changed.Metadata.Namespace, changed.Metadata.Name);
                    }
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (OrchestrationException ex)
            {
                ConfigLog.WatchFailed(logger, ex, kind); // for example a Secret that no configured key decrypts
            }
        }
    }

    private void SyncReferrers(string kind, string ns, string name)
    {
        foreach (var pod in store.List<Pod>(Pod.KindName, ns, filter: p => p.Spec.NodeName is not null && RefersTo(p, kind, name)).Items)
        {
            agents.RequestSync(pod);
        }
    }

    private void SyncAllReferrers(string kind)
    {
        foreach (var pod in store.List<Pod>(Pod.KindName, filter: p => p.Spec.NodeName is not null && RefersTo(p.Spec, kind, static n => n is not null)).Items)
        {
            agents.RequestSync(pod);
        }
    }
}
