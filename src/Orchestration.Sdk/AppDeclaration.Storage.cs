using Orchestration.Sdk.Declaration;

namespace Orchestration.Sdk;

/// <content>PersistentVolumeClaims and StatefulSets.</content>
public sealed partial class AppDeclaration
{
    /// <summary>
    /// Declares a PersistentVolumeClaim: storage that outlives pods, bound to a volume on one node when the first pod
    /// using it is scheduled (on Docker a named volume labelled with the app and the claim). Mount it with
    /// <c>WithPersistentVolumeClaim</c> on a workload builder. The name must be a DNS-1123 subdomain.
    /// </summary>
    /// <param name="name">The claim's name, unique among the declaration's claims.</param>
    /// <returns>The builder, to set the storage request, access modes and reclaim policy.</returns>
    public PersistentVolumeClaimBuilder AddPersistentVolumeClaim(string name) => Add(new PersistentVolumeClaimBuilder(name));

    /// <summary>
    /// Declares a StatefulSet: pods with stable names (<c>&lt;name&gt;-0</c>, <c>&lt;name&gt;-1</c>…), each with its own
    /// claims from <see cref="StatefulSetBuilder.WithVolumeClaimTemplate"/>, started in order and updated from the
    /// highest ordinal down. The name must be a DNS-1123 subdomain.
    /// </summary>
    /// <param name="name">The set's name, unique among the declaration's StatefulSets.</param>
    /// <returns>The builder, to configure the set and its pods.</returns>
    public StatefulSetBuilder AddStatefulSet(string name) => Add(new StatefulSetBuilder(name));
}
