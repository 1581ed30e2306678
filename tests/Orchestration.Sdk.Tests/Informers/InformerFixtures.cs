using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Tests.Informers;

internal static class InformerFixtures
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    public static Pod NewPod(string name, string app = "web", string? node = null, string ns = "default", OwnerReference? owner = null) => new()
    {
        Metadata = new ObjectMeta
        {
            Name = name,
            Namespace = ns,
            Labels = new Dictionary<string, string> { ["app"] = app },
            OwnerReferences = owner is null ? [] : [owner],
        },
        Spec = new PodSpec { Containers = [new Container { Name = "c", Image = "busybox" }], NodeName = node },
    };

    public static Pod Relabel(Pod pod, string app) =>
        pod with { Metadata = pod.Metadata with { Labels = new Dictionary<string, string> { ["app"] = app } } };
}
