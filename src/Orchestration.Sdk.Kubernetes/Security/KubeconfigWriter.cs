using System.Text;
using k8s;
using k8s.KubeConfigModels;

namespace Orchestration.Sdk.Kubernetes.Security;

/// <summary>
/// Writes a kubeconfig (mode 0600) with the KubernetesClient package's model and YAML serializer: one cluster (the CA
/// data and server address), an admin user and a read-only user, and two contexts, the app's name (admin, current)
/// and <c>NAME-readonly</c>.
/// </summary>
internal static class KubeconfigWriter
{
    public static void Write(string path, string contextName, Uri server, string caPem, string adminToken, string readOnlyToken)
    {
        var readOnly = $"{contextName}-readonly";
        var config = new K8SConfiguration
        {
            ApiVersion = "v1",
            Kind = "Config",
            CurrentContext = contextName,
            Clusters =
            [
                new Cluster
                {
                    Name = contextName,
                    ClusterEndpoint = new ClusterEndpoint
                    {
                        Server = server.ToString().TrimEnd('/'),
                        CertificateAuthorityData = Convert.ToBase64String(Encoding.ASCII.GetBytes(caPem)),
                    },
                },
            ],
            Users =
            [
                new User { Name = $"{contextName}-admin", UserCredentials = new UserCredentials { Token = adminToken } },
                new User { Name = readOnly, UserCredentials = new UserCredentials { Token = readOnlyToken } },
            ],
            Contexts =
            [
                new Context { Name = contextName, ContextDetails = new ContextDetails { Cluster = contextName, User = $"{contextName}-admin", Namespace = "default" } },
                new Context { Name = readOnly, ContextDetails = new ContextDetails { Cluster = contextName, User = readOnly, Namespace = "default" } },
            ],
        };
        OwnerOnlyFile.Write(path, KubernetesYaml.Serialize(config));
    }
}
