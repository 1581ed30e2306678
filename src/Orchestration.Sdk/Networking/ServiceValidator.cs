using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Orchestration.Sdk.Declaration;

namespace Orchestration.Sdk.Networking;

/// <summary>Validates a <see cref="Service"/> with Kubernetes' rules and words (ValidateService).</summary>
internal static partial class ServiceValidator
{
    private const string Dns1035LabelFmt = "[a-z]([-a-z0-9]*[a-z0-9])?";
    private const string Dns1035LabelErrMsg = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";

    /// <summary>A service name is a DNS-1035 label (it becomes a host name and an environment variable prefix).</summary>
    public static List<string> Dns1035Label(string value)
    {
        var errors = new List<string>();
        if (value.Length > NameRules.Dns1123LabelMaxLength)
        {
            errors.Add(NameRules.MaxLenError(NameRules.Dns1123LabelMaxLength));
        }

        if (!Dns1035Regex().IsMatch(value))
        {
            errors.Add(NameRules.RegexError(Dns1035LabelErrMsg, Dns1035LabelFmt, "my-name", "abc-123"));
        }

        return errors;
    }

    public static void Validate(Service service, FieldPath root, bool validateNamespace, List<ValidationError> errors)
    {
        MetadataValidator.Validate(service.Metadata, root.Child("metadata"), Dns1035Label, validateNamespace, errors);
        var spec = service.Spec ?? new ServiceSpec();
        var specPath = root.Child("spec");
        var portsPath = specPath.Child("ports");
        if (spec.Ports.Count == 0)
        {
            errors.Add(FieldErrors.Required(portsPath));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var seenPorts = new HashSet<(string, int)>();
        var seenNodePorts = new HashSet<(string, int)>();
        for (var i = 0; i < spec.Ports.Count; i++)
        {
            var port = spec.Ports[i];
            var path = portsPath.Index(i);
            ValidatePort(port, spec.Ports.Count > 1, names, path, errors);
            if (!seenPorts.Add((port.Protocol, port.Port)))
            {
                errors.Add(new ValidationError(path.Value, "Duplicate value: " + GoServicePort(port.Protocol, port.Port, 0)));
            }

            if (port.NodePort is { } nodePort)
            {
                if (spec.Type == ServiceType.ClusterIP)
                {
                    errors.Add(FieldErrors.Forbidden(path.Child("nodePort"), "may not be used when `type` is 'ClusterIP'"));
                }

                errors.AddRange(NameRules.PortNumber(nodePort).Select(m => FieldErrors.Invalid(path.Child("nodePort"), nodePort, m)));
                if (!seenNodePorts.Add((port.Protocol, nodePort)))
                {
                    errors.Add(FieldErrors.Duplicate(path.Child("nodePort"), nodePort));
                }
            }
        }

        MetadataValidator.ValidateLabels(spec.Selector, specPath.Child("selector"), errors);
        if (spec.IsHeadless && spec.Type == ServiceType.NodePort)
        {
            errors.Add(FieldErrors.Invalid(specPath.Child("clusterIP"), ServiceSpec.ClusterIPNone, "may not be set to 'None' for NodePort services"));
        }
        else if (spec.ClusterIP is { } ip && !spec.IsHeadless && !(IPAddress.TryParse(ip, out var parsed) && parsed.AddressFamily == AddressFamily.InterNetwork))
        {
            errors.Add(FieldErrors.Invalid(specPath.Child("clusterIP"), ip, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"));
        }
    }

    private static void ValidatePort(ServicePort port, bool requireName, HashSet<string> names, FieldPath path, List<ValidationError> errors)
    {
        if (requireName && string.IsNullOrEmpty(port.Name))
        {
            errors.Add(FieldErrors.Required(path.Child("name")));
        }
        else if (!string.IsNullOrEmpty(port.Name))
        {
            errors.AddRange(NameRules.Dns1123Label(port.Name).Select(m => FieldErrors.Invalid(path.Child("name"), port.Name, m)));
            if (!names.Add(port.Name))
            {
                errors.Add(FieldErrors.Duplicate(path.Child("name"), port.Name));
            }
        }

        errors.AddRange(NameRules.PortNumber(port.Port).Select(m => FieldErrors.Invalid(path.Child("port"), port.Port, m)));
        if (string.IsNullOrEmpty(port.Protocol))
        {
            errors.Add(FieldErrors.Required(path.Child("protocol")));
        }
        else if (!Declaration.PodSpecValidator.SupportedProtocols.Contains(port.Protocol, StringComparer.Ordinal))
        {
            // Kubernetes' protocols: the object is valid; the service proxy reports the ports it cannot proxy (TCP only).
            errors.Add(FieldErrors.NotSupported(path.Child("protocol"), port.Protocol, Declaration.PodSpecValidator.SupportedProtocols));
        }

        var target = path.Child("targetPort");
        if (port.TargetPort is { } number)
        {
            errors.AddRange(NameRules.PortNumber(number).Select(m => FieldErrors.Invalid(target, number, m)));
            if (port.TargetPortName is not null)
            {
                errors.Add(FieldErrors.Forbidden(target, "may not be both a number and a name"));
            }
        }
        else if (port.TargetPortName is { } name)
        {
            errors.AddRange(NameRules.PortName(name).Select(m => FieldErrors.Invalid(target, name, m)));
        }
    }

    /// <summary>The (protocol, port) key of a duplicate, printed as Kubernetes' %#v of core.ServicePort.</summary>
    private static string GoServicePort(string protocol, int port, int nodePort) => string.Create(
        CultureInfo.InvariantCulture,
        $"core.ServicePort{{Name:\"\", Protocol:\"{protocol}\", AppProtocol:(*string)(nil), Port:{port}, TargetPort:intstr.IntOrString{{Type:0, IntVal:0, StrVal:\"\"}}, NodePort:{nodePort}}}");

    [GeneratedRegex("^" + Dns1035LabelFmt + "$", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1035Regex();
}
