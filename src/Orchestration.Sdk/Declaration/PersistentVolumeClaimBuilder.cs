using Orchestration.Sdk.Model;
using Orchestration.Sdk.Storage;

namespace Orchestration.Sdk.Declaration;

/// <summary>
/// Declares a <see cref="PersistentVolumeClaim"/>: storage bound to a volume on one node when the first pod using it is
/// scheduled. Created by <see cref="AppDeclaration.AddPersistentVolumeClaim(string)"/>.
/// </summary>
public sealed class PersistentVolumeClaimBuilder : IResourceBuilder
{
    private PersistentVolumeAccessMode[]? _accessModes;
    private string? _storage;
    private string? _storageClass;
    private PersistentVolumeReclaimPolicy _reclaimPolicy = PersistentVolumeReclaimPolicy.Retain;

    internal PersistentVolumeClaimBuilder(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
    }

    /// <summary>The claim's name; pods refer to it.</summary>
    public string Name { get; }

    string IResourceBuilder.Kind => PersistentVolumeClaim.KindName;

    /// <summary>Sets the storage requested (<c>resources.requests.storage</c>), a quantity such as "1Gi". Required.</summary>
    /// <param name="storage">The quantity, greater than zero.</param>
    /// <returns>This builder.</returns>
    public PersistentVolumeClaimBuilder WithStorage(string storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        _storage = storage;
        return this;
    }

    /// <summary>Sets how the volume may be mounted. <value>The default value is ReadWriteOnce.</value></summary>
    /// <param name="modes">The access modes; ReadWriteOncePod alone.</param>
    /// <returns>This builder.</returns>
    public PersistentVolumeClaimBuilder WithAccessModes(params PersistentVolumeAccessMode[] modes)
    {
        ArgumentNullException.ThrowIfNull(modes);
        _accessModes = [.. modes];
        return this;
    }

    /// <summary>
    /// Sets what happens to the data when the claim is deleted. <value>The default value is
    /// <see cref="PersistentVolumeReclaimPolicy.Retain"/>: the data stays (on Docker, its named volume) until removed by hand.</value>
    /// </summary>
    /// <param name="policy">Retain or Delete.</param>
    /// <returns>This builder.</returns>
    public PersistentVolumeClaimBuilder WithReclaimPolicy(PersistentVolumeReclaimPolicy policy)
    {
        _reclaimPolicy = policy;
        return this;
    }

    /// <summary>Sets the storage class name. <value>The default value is null (the local provisioner).</value></summary>
    /// <param name="storageClass">A DNS-1123 subdomain.</param>
    /// <returns>This builder.</returns>
    public PersistentVolumeClaimBuilder WithStorageClass(string storageClass)
    {
        ArgumentNullException.ThrowIfNull(storageClass);
        _storageClass = storageClass;
        return this;
    }

    IReadOnlyList<Resource> IResourceBuilder.Build(DeclarationContext context)
    {
        var path = FieldPath.Of(PersistentVolumeClaim.KindName, Name).Child("spec", "resources").Child("requests").Key("storage");
        Quantity? storage = null;
        if (_storage is not null)
        {
            if (QuantityParser.TryParse(_storage, out var parsed, out var reason))
            {
                storage = parsed;
            }
            else
            {
                context.Errors.Add(FieldErrors.Invalid(path, _storage, reason));
            }
        }

        return
        [
            new PersistentVolumeClaim
            {
                Metadata = new ObjectMeta { Name = Name, Namespace = context.Namespace },
                Spec = new PersistentVolumeClaimSpec
                {
                    AccessModes = _accessModes ?? [PersistentVolumeAccessMode.ReadWriteOnce],
                    StorageRequest = storage,
                    StorageClassName = _storageClass,
                    ReclaimPolicy = _reclaimPolicy,
                },
            },
        ];
    }
}
