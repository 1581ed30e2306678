using Orchestration.Sdk.Model;
using Orchestration.Sdk.Networking;

namespace Orchestration.Sdk.Declaration;

/// <summary>Checks of a service against the rest of its declaration: target port names and host ports.</summary>
internal static class ServiceDeclarationChecks
{
    public static void Check(Service service, ServiceBuilder self, FieldPath root, DeclarationContext context)
    {
        var portsPath = root.Child("spec", "ports");
        var selected = SelectedWorkloads(service.Spec.Selector, context);
        for (var i = 0; i < service.Spec.Ports.Count; i++)
        {
            var port = service.Spec.Ports[i];
            if (port.TargetPortName is { } name)
            {
                foreach (var (kind, workload, spec) in selected)
                {
                    if (!spec.Containers.Any(c => c.Ports.Any(p => p.Name == name)))
                    {
                        context.Errors.Add(FieldErrors.Invalid(
                            portsPath.Index(i).Child("targetPort"),
                            name,
                            $"no container port of {kind.ToLowerInvariant()} \"{workload}\" is named \"{name}\""));
                    }
                }
            }

            if (port.NodePort is { } hostPort && HeldByEarlierService(hostPort, self, context) is { } holder)
            {
                context.Errors.Add(FieldErrors.Invalid(
                    portsPath.Index(i).Child("nodePort"),
                    hostPort,
                    $"provided port is already allocated (to service \"{holder}\")"));
            }
        }
    }

    /// <summary>The deployments and pods of the declaration whose pods the selector matches.</summary>
    private static List<(string Kind, string Name, PodSpec Spec)> SelectedWorkloads(IReadOnlyDictionary<string, string> selector, DeclarationContext context)
    {
        var found = new List<(string, string, PodSpec)>();
        if (selector.Count == 0)
        {
            return found;
        }

        var match = LabelSelector.Of(selector);
        foreach (var builder in context.Builders.Where(b => b is DeploymentBuilder or PodBuilder))
        {
            // Building again into a scratch context has no side effects; its errors are reported by the builder itself.
            foreach (var built in builder.Build(new DeclarationContext(context.Namespace, context.Builders)))
            {
                switch (built)
                {
                    case Deployment d when match.Matches(d.Spec.Template.Labels):
                        found.Add((Deployment.KindName, d.Metadata.Name, d.Spec.Template.Spec));
                        break;
                    case Pod p when match.Matches(p.Metadata.Labels):
                        found.Add((Pod.KindName, p.Metadata.Name, p.Spec));
                        break;
                    default:
                        break;
                }
            }
        }

        return found;
    }

    private static string? HeldByEarlierService(int hostPort, ServiceBuilder self, DeclarationContext context)
    {
        foreach (var builder in context.Builders)
        {
            if (ReferenceEquals(builder, self))
            {
                return null;
            }

            if (builder is ServiceBuilder other &&
                ((IResourceBuilder)other).Build(new DeclarationContext(context.Namespace, [])) is [Service s] &&
                s.Spec.Ports.Any(p => p.NodePort == hostPort))
            {
                return other.Name;
            }
        }

        return null;
    }
}
