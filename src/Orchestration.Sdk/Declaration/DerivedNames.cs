namespace Orchestration.Sdk.Declaration;

/// <summary>
/// Names derived from a workload's name, which is a DNS-1123 subdomain (dots allowed, up to 253 characters) as in
/// Kubernetes, where the derived names must be shorter: the primary container's name is a DNS-1123 label, the
/// <c>app</c> label's value at most 63 characters.
/// </summary>
internal static class DerivedNames
{
    /// <summary>The primary container's name: the workload's name when it is a DNS-1123 label, else its dots made '-' and cut to 63 characters.</summary>
    public static string ContainerName(string workloadName)
    {
        if (NameRules.Dns1123Label(workloadName).Count == 0 || NameRules.Dns1123Subdomain(workloadName).Count > 0)
        {
            return workloadName; // a label already, or invalid anyway (the object's own name error reports it)
        }

        var label = workloadName.Replace('.', '-');
        return label.Length > NameRules.Dns1123LabelMaxLength ? label[..NameRules.Dns1123LabelMaxLength].TrimEnd('-') : label;
    }

    /// <summary>
    /// The <c>app</c> label's value: the workload's name when it fits a label value (63 characters), else its first 56
    /// characters, a '-' and a hash of the whole name, so two long names with a common prefix still select apart.
    /// </summary>
    public static string AppLabelValue(string workloadName)
    {
        if (workloadName.Length <= NameRules.LabelValueMaxLength || NameRules.Dns1123Subdomain(workloadName).Count > 0)
        {
            return workloadName;
        }

        var hash = Controllers.Engine.Names.Hash(workloadName);
        hash = hash.Length > 6 ? hash[..6] : hash;
        return $"{workloadName[..56].TrimEnd('-', '.')}-{hash}";
    }
}
