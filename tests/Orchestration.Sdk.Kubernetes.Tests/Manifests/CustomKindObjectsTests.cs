using Orchestration.Sdk.Manifests;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Networking;

namespace Orchestration.Sdk.Kubernetes.Tests.Manifests;

/// <summary>
/// samples/CustomKind declares no built-in objects itself: its Website reconciler creates a Deployment and a Service.
/// Those two, as the reconciler builds them for the sample's website "shop" (copied from WebsiteReconciler, without
/// the owner reference that would make the exporter leave them to their owner), export and read back equal.
/// </summary>
public sealed class CustomKindObjectsTests
{
    [Fact]
    public void TheObjectsTheWebsiteReconcilerCreatesExportAndReadBackEqual()
    {
        var labels = new Dictionary<string, string> { ["app"] = "shop" };
        Resource[] objects =
        [
            new Deployment
            {
                Metadata = new ObjectMeta { Name = "shop", Labels = labels },
                Spec = new DeploymentSpec
                {
                    Replicas = 2,
                    Selector = LabelSelector.Of(labels),
                    Template = new PodTemplateSpec
                    {
                        Labels = labels,
                        Spec = new PodSpec { Containers = [new Container { Name = "web", Image = "nginx:1.27", Ports = [new ContainerPort(8080, "http")] }] },
                    },
                },
            },
            new Service
            {
                Metadata = new ObjectMeta { Name = "shop", Labels = labels },
                Spec = new ServiceSpec { Selector = labels, Ports = [new ServicePort { Name = "http", Port = 8080, TargetPort = 8080 }] },
            },
        ];

        var imported = new AppDeclaration().AddManifestsFromText(ManifestExporter.Export(objects), "website.yaml").Build();

        Assert.Equal(objects, imported);
    }
}
