using System.Globalization;

namespace Orchestration.Sdk.Runtime.NodeAgents;

/// <summary>What the runtime holds for one pod: its sandboxes and every container instance, by container name.</summary>
internal sealed class PodObservation
{
    private readonly Dictionary<string, List<RuntimeContainer>> _byName = new(StringComparer.Ordinal);

    public PodObservation(IReadOnlyList<PodSandbox> sandboxes, IReadOnlyList<RuntimeContainer> containers)
    {
        Sandboxes = sandboxes;
        Containers = containers;
        Sandbox = sandboxes.Count > 0 ? sandboxes[0] : null;
        foreach (var c in containers)
        {
            if (c.Labels.TryGetValue(RuntimeLabels.ContainerName, out var name))
            {
                if (!_byName.TryGetValue(name, out var list))
                {
                    list = [];
                    _byName[name] = list;
                }

                list.Add(c);
            }
        }

        // Oldest first: by the restart count each instance was created with, then by creation order.
        foreach (var list in _byName.Values)
        {
            var ordered = list.Select((c, i) => (c, i)).OrderBy(x => RestartCountOf(x.c)).ThenBy(x => x.i).Select(x => x.c).ToList();
            list.Clear();
            list.AddRange(ordered);
        }
    }

    public PodSandbox? Sandbox { get; }

    public IReadOnlyList<PodSandbox> Sandboxes { get; }

    public IReadOnlyList<RuntimeContainer> Containers { get; }

    public bool IsEmpty => Sandboxes.Count == 0 && Containers.Count == 0;

    public static int RestartCountOf(RuntimeContainer c) =>
        c.Labels.TryGetValue(RuntimeLabels.RestartCount, out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;

    /// <summary>The instances of a container, oldest first.</summary>
    public IReadOnlyList<RuntimeContainer> Instances(string name) => _byName.TryGetValue(name, out var list) ? list : [];

    /// <summary>The newest instance.</summary>
    public RuntimeContainer? Current(string name) => Instances(name) is { Count: > 0 } list ? list[^1] : null;

    /// <summary>The instance before the newest one.</summary>
    public RuntimeContainer? Previous(string name) => Instances(name) is { Count: > 1 } list ? list[^2] : null;
}
