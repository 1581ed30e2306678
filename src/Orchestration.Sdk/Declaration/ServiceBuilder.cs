using Orchestration.Sdk.Model;
using Orchestration.Sdk.Networking;

namespace Orchestration.Sdk.Declaration;

/// <summary>
/// Declares a <see cref="Service"/>: a stable name and address for the pods its selector matches. Defaults: no
/// selector (choose pods with <see cref="SelectingPodsOf(DeploymentBuilder)"/> or <see cref="WithSelector"/>), no ports,
/// reachable only inside the app (<see cref="ServiceType.ClusterIP"/>). Created by
/// <see cref="AppDeclaration.AddService(string)"/>. Invalid values are reported by <see cref="AppDeclaration.Validate"/>.
/// </summary>
public sealed class ServiceBuilder : IResourceBuilder
{
    private readonly Dictionary<string, string> _selector = new(StringComparer.Ordinal);
    private readonly List<ServicePort> _ports = [];
    private ServiceType _type = ServiceType.ClusterIP;
    private bool _hostPortWithoutPort;
    private bool _headless;

    internal ServiceBuilder(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
    }

    /// <summary>The service's name; pods and the host resolve it.</summary>
    public string Name { get; }

    string IResourceBuilder.Kind => Service.KindName;

    /// <summary>Selects the pods of a deployment (by its selector labels, <c>app=&lt;name&gt;</c>).</summary>
    /// <param name="deployment">The deployment.</param>
    /// <returns>This builder.</returns>
    public ServiceBuilder SelectingPodsOf(DeploymentBuilder deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        foreach (var (key, value) in deployment.SelectorLabels)
        {
            _selector[key] = value;
        }

        return this;
    }

    /// <summary>Selects the pods of a StatefulSet (by its selector labels).</summary>
    /// <param name="statefulSet">The StatefulSet.</param>
    /// <returns>This builder.</returns>
    public ServiceBuilder SelectingPodsOf(StatefulSetBuilder statefulSet)
    {
        ArgumentNullException.ThrowIfNull(statefulSet);
        foreach (var (key, value) in statefulSet.SelectorLabels)
        {
            _selector[key] = value;
        }

        return this;
    }

    /// <summary>Selects a standalone pod (by its labels).</summary>
    /// <param name="pod">The pod.</param>
    /// <returns>This builder.</returns>
    public ServiceBuilder SelectingPodsOf(PodBuilder pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        foreach (var (key, value) in pod.PodLabels)
        {
            _selector[key] = value;
        }

        return this;
    }

    /// <summary>Adds a label the selected pods must carry. <value>The default value is no selector.</value></summary>
    /// <param name="key">The label key.</param>
    /// <param name="value">The label value.</param>
    /// <returns>This builder.</returns>
    public ServiceBuilder WithSelector(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        _selector[key] = value;
        return this;
    }

    /// <summary>Adds a TCP port forwarding to a container port number.</summary>
    /// <param name="port">The service port, 1–65535.</param>
    /// <param name="targetPort">The container port. <value>The default value is null (the same as <paramref name="port"/>).</value></param>
    /// <param name="name">The port's name, required when the service has several. <value>The default value is null.</value></param>
    /// <returns>This builder.</returns>
    public ServiceBuilder WithPort(int port, int? targetPort = null, string? name = null)
    {
        _ports.Add(new ServicePort { Port = port, TargetPort = targetPort, Name = name });
        return this;
    }

    /// <summary>Adds a TCP port forwarding to the container port named <paramref name="targetPortName"/>, resolved per pod.</summary>
    /// <param name="port">The service port, 1–65535.</param>
    /// <param name="targetPortName">The name of a container port of the selected pods.</param>
    /// <param name="name">The port's name, required when the service has several. <value>The default value is null.</value></param>
    /// <returns>This builder.</returns>
    public ServiceBuilder WithPort(int port, string targetPortName, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(targetPortName);
        _ports.Add(new ServicePort { Port = port, TargetPortName = targetPortName, Name = name });
        return this;
    }

    /// <summary>
    /// Makes the service reachable from the host (<see cref="ServiceType.NodePort"/>); ports without a host port get
    /// one allocated from 30000–32767. <value>The default value is not exposed (<see cref="ServiceType.ClusterIP"/>).</value>
    /// </summary>
    /// <returns>This builder.</returns>
    public ServiceBuilder ExposedOnHost()
    {
        _type = ServiceType.NodePort;
        return this;
    }

    /// <summary>
    /// Makes the service headless (<c>clusterIP: None</c>): no virtual address and no proxy; each selected pod answers to
    /// <c>&lt;pod&gt;.&lt;service&gt;</c> and the service's name to its ready pods, as a StatefulSet's governing service.
    /// A headless service cannot be exposed on the host. <value>The default value is not headless (a cluster IP is allocated).</value>
    /// </summary>
    /// <returns>This builder.</returns>
    public ServiceBuilder Headless()
    {
        _headless = true;
        return this;
    }

    /// <summary>Exposes the last added port on the host at <paramref name="hostPort"/> (and the service on the host).</summary>
    /// <param name="hostPort">The stable host port, 1–65535.</param>
    /// <returns>This builder.</returns>
    public ServiceBuilder WithHostPort(int hostPort)
    {
        _type = ServiceType.NodePort;
        if (_ports.Count == 0)
        {
            _hostPortWithoutPort = true;
        }
        else
        {
            _ports[^1] = _ports[^1] with { NodePort = hostPort };
        }

        return this;
    }

    IReadOnlyList<Resource> IResourceBuilder.Build(DeclarationContext context)
    {
        var root = FieldPath.Of(Service.KindName, Name);
        var service = new Service
        {
            Metadata = new ObjectMeta { Name = Name, Namespace = context.Namespace },
            Spec = new ServiceSpec
            {
                Selector = new Dictionary<string, string>(_selector, StringComparer.Ordinal),
                Ports = [.. _ports],
                Type = _type,
                ClusterIP = _headless ? ServiceSpec.ClusterIPNone : null,
            },
        };
        if (_hostPortWithoutPort)
        {
            context.Errors.Add(FieldErrors.Required(root.Child("spec", "ports"), "WithHostPort applies to the port declared before it"));
        }

        ServiceDeclarationChecks.Check(service, this, root, context);
        return [service];
    }
}
