using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Docker;

/// <summary>
/// One container engine of a multi-engine cluster (<see cref="DockerRuntimeOptions.AddEngine"/>): it appears as a node
/// with this name, labels and taints, and its pods run as containers on its engine. The engine is a local Docker socket,
/// a remote Docker engine over TCP (with TLS client certificates when <see cref="TlsCertificateDirectory"/> is set), or a
/// Podman service through its Docker-compatible API socket (recognised from the engine's version report).
/// </summary>
public sealed class DockerEngineOptions
{
    /// <summary>Creates the options of engine <paramref name="name"/> at <paramref name="endpoint"/>.</summary>
    /// <param name="name">The node's name (a DNS-1123 subdomain).</param>
    /// <param name="endpoint">The engine endpoint ("unix:///run/podman/podman.sock", "tcp://10.0.0.5:2376").</param>
    public DockerEngineOptions(string name, string endpoint)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(endpoint);
        Name = name;
        Endpoint = endpoint;
    }

    /// <summary>The node's name (a DNS-1123 subdomain, unique among the engines).</summary>
    public string Name { get; set; }

    /// <summary>The engine endpoint: unix:///path, tcp://host:port (https:// is the same as tcp:// with TLS).</summary>
    public string Endpoint { get; set; }

    /// <summary>
    /// The node's labels, matched by pods' node selectors and affinity. <c>kubernetes.io/hostname</c> (the node name),
    /// <c>kubernetes.io/os</c> and the runtime label ("docker") are added unless set here.
    /// <value>The default value is empty.</value>
    /// </summary>
    public IDictionary<string, string> Labels { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The node's taints: only pods that tolerate them are scheduled (or, for NoExecute, stay) here.
    /// <value>The default value is empty.</value></summary>
    public IList<Taint> Taints { get; } = [];

    /// <summary>
    /// The node's CPU capacity as a Kubernetes quantity ("4", "3500m"), or null for the engine's CPU count (its /info NCPU).
    /// <value>The default value is null (what the engine reports).</value>
    /// </summary>
    public string? Cpu { get; set; }

    /// <summary>
    /// The node's memory capacity as a Kubernetes quantity ("8Gi"), or null for the engine's memory (its /info MemTotal).
    /// <value>The default value is null (what the engine reports).</value>
    /// </summary>
    public string? Memory { get; set; }

    /// <summary>
    /// A directory holding <c>ca.pem</c>, <c>cert.pem</c> and <c>key.pem</c> (the docker CLI's DOCKER_CERT_PATH layout):
    /// the client certificate and key presented to the engine, and the CA its server certificate must chain to (the
    /// machine's trust store when <c>ca.pem</c> is absent). Only for tcp:// or https:// endpoints.
    /// <value>The default value is null (no TLS).</value>
    /// </summary>
    public string? TlsCertificateDirectory { get; set; }

    /// <summary>
    /// The node's address (pods' status.hostIP, where their host ports are reached), or null for the endpoint's host
    /// on a tcp:// engine and 127.0.0.1 on a local socket.
    /// <value>The default value is null.</value>
    /// </summary>
    public string? Address { get; set; }

    /// <summary>Adds a node label.</summary>
    /// <param name="key">The label key.</param>
    /// <param name="value">The label value.</param>
    /// <returns>These options, for chaining.</returns>
    public DockerEngineOptions WithLabel(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        Labels[key] = value;
        return this;
    }

    /// <summary>Adds a node taint.</summary>
    /// <param name="key">The taint key.</param>
    /// <param name="value">The taint value ("" for none).</param>
    /// <param name="effect">What it does to pods that do not tolerate it.</param>
    /// <returns>These options, for chaining.</returns>
    public DockerEngineOptions WithTaint(string key, string value, TaintEffect effect)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        Taints.Add(new Taint(key, value, effect));
        return this;
    }

    /// <summary>Sets the node's capacity instead of what the engine reports; a null argument keeps the engine's figure.</summary>
    /// <param name="cpu">CPU as a quantity ("4", "3500m"), or null.</param>
    /// <param name="memory">Memory as a quantity ("8Gi"), or null.</param>
    /// <returns>These options, for chaining.</returns>
    public DockerEngineOptions WithCapacity(string? cpu = null, string? memory = null)
    {
        Cpu = cpu;
        Memory = memory;
        return this;
    }

    /// <summary>Connects with TLS client certificates from <paramref name="certificateDirectory"/> (see <see cref="TlsCertificateDirectory"/>).</summary>
    /// <param name="certificateDirectory">The directory with ca.pem, cert.pem and key.pem.</param>
    /// <returns>These options, for chaining.</returns>
    public DockerEngineOptions WithTls(string certificateDirectory)
    {
        ArgumentNullException.ThrowIfNull(certificateDirectory);
        TlsCertificateDirectory = certificateDirectory;
        return this;
    }

    /// <summary>Sets the node's address (see <see cref="Address"/>).</summary>
    /// <param name="address">The address.</param>
    /// <returns>These options, for chaining.</returns>
    public DockerEngineOptions WithAddress(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        Address = address;
        return this;
    }
}
