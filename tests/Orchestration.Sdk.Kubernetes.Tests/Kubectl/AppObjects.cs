using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Kubernetes.Tests.Kubectl;

/// <summary>SDK objects the tests put in through the in-process client, to see them through kubectl.</summary>
internal static class AppObjects
{
    public static Deployment Deployment(string name, int replicas)
    {
        var labels = new Dictionary<string, string> { ["app"] = name };
        return new Deployment
        {
            Metadata = new ObjectMeta { Name = name, Labels = labels },
            Spec = new DeploymentSpec
            {
                Replicas = replicas,
                Selector = LabelSelector.Of(labels),
                Template = new PodTemplateSpec { Labels = labels, Spec = new PodSpec { Containers = [new Container { Name = "app", Image = "nginx:1.27" }] } },
            },
        };
    }
}
