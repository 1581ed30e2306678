using Orchestration.Sdk.Client;
using Orchestration.Sdk.Controllers.Engine;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Networking;

namespace CustomKind;

/// <summary>
/// Drives a <see cref="Website"/> to its spec: a Deployment and a Service of the same name, both controlled by the
/// website (so the garbage collector deletes them with it, and their changes requeue it), and the status they show.
/// It reads everything it needs by key and writes idempotently, so running it twice changes nothing.
/// </summary>
/// <param name="client">The store's client.</param>
public sealed class WebsiteReconciler(IResourceClient client) : IReconciler<Website>
{
    /// <inheritdoc />
    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var site = await client.GetAsync<Website>(key, cancellationToken);
        if (site is null || site.Metadata.DeletionTimestamp is not null)
        {
            return ReconcileResult.Done; // Gone: the garbage collector removes what it owned.
        }

        var owner = new OwnerReference(site.Kind, site.Metadata.Name, site.Metadata.Uid, Controller: true);
        var deployment = await EnsureDeploymentAsync(site, owner, cancellationToken);
        var service = await EnsureServiceAsync(site, owner, cancellationToken);

        var status = new WebsiteStatus
        {
            ReadyReplicas = deployment.Status.ReadyReplicas,
            Url = service.Spec.ClusterIP is { Length: > 0 } ip ? $"http://{ip}:{site.Spec.Port}" : null,
        };
        if (status != site.Status)
        {
            await client.UpdateStatusAsync(site with { Status = status }, cancellationToken);
        }

        // The Deployment's status changes requeue the website (it owns it); nothing to poll for.
        return ReconcileResult.Done;
    }

    private static Dictionary<string, string> Labels(Website site) => new() { ["app"] = site.Metadata.Name };

    private static PodTemplateSpec Template(Website site) => new()
    {
        Labels = Labels(site),
        Spec = new PodSpec { Containers = [new Container { Name = "web", Image = site.Spec.Image, Ports = [new ContainerPort(site.Spec.Port, "http")] }] },
    };

    /// <summary>A name taken by an object the website does not control cannot be fixed by retrying: a terminal error.</summary>
    private static void EnsureControlledBy(Resource existing, OwnerReference owner)
    {
        if (existing.Metadata.Controller?.Uid != owner.Uid)
        {
            throw new TerminalReconcileException($"{existing.Kind} {existing.Metadata.Name} exists and is not controlled by website {owner.Name}");
        }
    }

    private async Task<Deployment> EnsureDeploymentAsync(Website site, OwnerReference owner, CancellationToken ct)
    {
        var key = new ObjectKey(Deployment.KindName, site.Metadata.Namespace, site.Metadata.Name);
        if (await client.GetAsync<Deployment>(key, ct) is not { } existing)
        {
            return await client.CreateAsync(
                new Deployment
                {
                    Metadata = new ObjectMeta { Name = site.Metadata.Name, Namespace = site.Metadata.Namespace, Labels = Labels(site), OwnerReferences = [owner] },
                    Spec = new DeploymentSpec { Replicas = site.Spec.Replicas, Selector = LabelSelector.Of(Labels(site)), Template = Template(site) },
                },
                ct);
        }

        EnsureControlledBy(existing, owner);
        var container = existing.Spec.Template.Spec.Containers[0];
        if (existing.Spec.Replicas == site.Spec.Replicas && container.Image == site.Spec.Image && container.Ports.Any(p => p.Number == site.Spec.Port))
        {
            return existing;
        }

        return await client.UpdateAsync(existing with { Spec = existing.Spec with { Replicas = site.Spec.Replicas, Template = Template(site) } }, ct);
    }

    private async Task<Service> EnsureServiceAsync(Website site, OwnerReference owner, CancellationToken ct)
    {
        var key = new ObjectKey(Service.KindName, site.Metadata.Namespace, site.Metadata.Name);
        var ports = new[] { new ServicePort { Name = "http", Port = site.Spec.Port, TargetPort = site.Spec.Port } };
        if (await client.GetAsync<Service>(key, ct) is not { } existing)
        {
            return await client.CreateAsync(
                new Service
                {
                    Metadata = new ObjectMeta { Name = site.Metadata.Name, Namespace = site.Metadata.Namespace, Labels = Labels(site), OwnerReferences = [owner] },
                    Spec = new ServiceSpec { Selector = Labels(site), Ports = ports },
                },
                ct);
        }

        EnsureControlledBy(existing, owner);
        if (existing.Spec.Ports.Count == 1 && existing.Spec.Ports[0].Port == site.Spec.Port && existing.Spec.Ports[0].TargetPort == site.Spec.Port)
        {
            return existing;
        }

        return await client.UpdateAsync(existing with { Spec = existing.Spec with { Ports = ports } }, ct);
    }
}
