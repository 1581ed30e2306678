namespace Orchestration.Sdk.Storage;

/// <summary>Access modes as kubectl prints them: RWO, ROX, RWX, RWOP, comma-separated.</summary>
internal static class AccessModes
{
    public static string Short(IReadOnlyList<PersistentVolumeAccessMode> modes) => string.Join(",", modes.Select(m => m switch
    {
        PersistentVolumeAccessMode.ReadWriteOnce => "RWO",
        PersistentVolumeAccessMode.ReadOnlyMany => "ROX",
        PersistentVolumeAccessMode.ReadWriteMany => "RWX",
        PersistentVolumeAccessMode.ReadWriteOncePod => "RWOP",
        _ => m.ToString(),
    }));
}
