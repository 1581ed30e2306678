namespace Orchestration.Sdk.Runtime;

/// <summary>The pod a sandbox is for.</summary>
public sealed record PodSandboxRequest
{
    /// <summary>The pod's uid.</summary>
    public required string PodUid { get; init; }

    /// <summary>The pod's name (also its host name).</summary>
    public required string PodName { get; init; }

    /// <summary>The pod's namespace.</summary>
    public required string Namespace { get; init; }

    /// <summary>Labels to put on the sandbox (the node agent adds its ownership labels).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Ports of the pod's containers, so a runtime can expose them.</summary>
    public IReadOnlyList<int> Ports { get; init; } = [];

    /// <summary>
    /// Names the pod's hosts file maps to addresses: the services of its namespace, when the runtime gives services an
    /// address its containers reach (see the runtime's documentation). <value>The default value is empty.</value>
    /// </summary>
    public IReadOnlyList<HostAlias> HostAliases { get; init; } = [];
}
