using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Hosting;
using Orchestration.Sdk.Informers;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Store;
using Orchestration.Sdk.Runtime.NodeAgents;

namespace Orchestration.Sdk.Configuration;

/// <summary>
/// Follows ConfigMaps and Secrets through their shared informers and asks the node agents to sync every bound pod that
/// refers to a changed one, so a container waiting for a missing reference starts once it exists, and mounted files
/// follow ConfigMap changes. Its handlers are first told of every cached object (the informer's initial list, or its
/// cache when the watcher starts late), and each syncs its referrers: a change made before the watcher ran (the runner
/// does not wait for components to start) is not lost; one made while a watch was down comes from the relist. It finds
/// the referring pods and deployments in their informers' caches.
/// </summary>
internal sealed class ConfigChangeWatcher(ResourceStore store, ISharedInformerFactory informers, NodeAgentManager agents, ILogger<ConfigChangeWatcher> logger) : IClusterComponent
{
    public string Name => "config-change-watcher";

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var configMaps = informers.For<ConfigMap>().AddEventHandler(Handler<ConfigMap>());
        using var secrets = informers.For<Secret>().AddEventHandler(Handler<Secret>());
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing); // stop without throwing: a cancelled run is the normal end, and throws cost a stop dearly
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

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

    private ResourceEventHandler<T> Handler<T>()
        where T : Resource => new()
    {
        Added = (obj, _) => SyncReferrers(obj.Kind, obj.Metadata.Namespace, obj.Metadata.Name),
        Updated = (_, obj) =>
        {
            ConfigRollout.RollReferrers(store, informers.For<Deployment>().List(obj.Metadata.Namespace), obj, logger);
            SyncReferrers(obj.Kind, obj.Metadata.Namespace, obj.Metadata.Name);
        },
        Deleted = obj => SyncReferrers(obj.Kind, obj.Metadata.Namespace, obj.Metadata.Name),
    };

    private void SyncReferrers(string kind, string ns, string name)
    {
        foreach (var pod in informers.For<Pod>().List(ns).Where(p => p.Spec.NodeName is not null && RefersTo(p, kind, name)))
        {
            agents.RequestSync(pod);
        }
    }
}
