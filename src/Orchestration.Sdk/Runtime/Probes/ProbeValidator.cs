using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Runtime.Probes;

/// <summary>
/// Validates a container's probes as Kubernetes' validateProbe / validateHandler, plus one rule of this SDK: a probe's
/// port must be one the container declares (by number or by name).
/// </summary>
internal static class ProbeValidator
{
    private static readonly string[] SupportedSchemes = ["HTTP", "HTTPS"];

    public static void Validate(Container container, FieldPath path, List<ValidationError> errors)
    {
        Validate(container.LivenessProbe, container, path.Child("livenessProbe"), errors, successMustBeOne: true);
        Validate(container.ReadinessProbe, container, path.Child("readinessProbe"), errors, successMustBeOne: false);
        Validate(container.StartupProbe, container, path.Child("startupProbe"), errors, successMustBeOne: true);
    }

    private static void Validate(Probe? probe, Container container, FieldPath path, List<ValidationError> errors, bool successMustBeOne)
    {
        if (probe is null)
        {
            return;
        }

        ValidateHandler(probe, container, path, errors);
        MetadataValidator.ValidateNonNegative(probe.InitialDelaySeconds, path.Child("initialDelaySeconds"), errors);
        AtLeastOne(probe.TimeoutSeconds, path.Child("timeoutSeconds"), errors);
        AtLeastOne(probe.PeriodSeconds, path.Child("periodSeconds"), errors);
        AtLeastOne(probe.SuccessThreshold, path.Child("successThreshold"), errors);
        AtLeastOne(probe.FailureThreshold, path.Child("failureThreshold"), errors);
        if (successMustBeOne && probe.SuccessThreshold > 1)
        {
            errors.Add(FieldErrors.Invalid(path.Child("successThreshold"), probe.SuccessThreshold, "must be 1"));
        }
    }

    private static void ValidateHandler(Probe probe, Container container, FieldPath path, List<ValidationError> errors)
    {
        var handlers = new List<string>(3);
        if (probe.Exec is { } exec)
        {
            handlers.Add("exec");
            if (exec.Command is null || exec.Command.Count == 0)
            {
                errors.Add(FieldErrors.Required(path.Child("exec", "command")));
            }
        }

        if (probe.HttpGet is { } http)
        {
            handlers.Add("httpGet");
            var at = path.Child("httpGet");
            if (string.IsNullOrEmpty(http.Path))
            {
                errors.Add(FieldErrors.Required(at.Child("path")));
            }

            ValidatePort(http.Port, http.PortName, container, at.Child("port"), errors);
            if (!SupportedSchemes.Contains(http.Scheme, StringComparer.Ordinal))
            {
                errors.Add(FieldErrors.NotSupported(at.Child("scheme"), http.Scheme, SupportedSchemes));
            }
        }

        if (probe.TcpSocket is { } tcp)
        {
            handlers.Add("tcpSocket");
            ValidatePort(tcp.Port, tcp.PortName, container, path.Child("tcpSocket", "port"), errors);
        }

        if (handlers.Count == 0)
        {
            errors.Add(FieldErrors.Required(path, "must specify a handler type"));
        }

        foreach (var extra in handlers.Skip(1))
        {
            errors.Add(FieldErrors.Forbidden(path.Child(extra), "may not specify more than 1 handler type"));
        }
    }

    private static void ValidatePort(int? number, string? name, Container container, FieldPath path, List<ValidationError> errors)
    {
        var ports = container.Ports ?? [];
        if (number is { } n)
        {
            if (name is not null)
            {
                errors.Add(FieldErrors.Invalid(path, name, "may not specify both a port number and a port name"));
            }
            else if (NameRules.PortNumber(n) is { Count: > 0 } messages)
            {
                errors.AddRange(messages.Select(m => FieldErrors.Invalid(path, n, m)));
            }
            else if (!ports.Any(p => p.Number == n))
            {
                errors.Add(FieldErrors.Invalid(path, n, "must be a containerPort of this container"));
            }
        }
        else if (name is not null)
        {
            if (NameRules.PortName(name) is { Count: > 0 } messages)
            {
                errors.AddRange(messages.Select(m => FieldErrors.Invalid(path, name, m)));
            }
            else if (!ports.Any(p => p.Name == name))
            {
                errors.Add(FieldErrors.Invalid(path, name, "must be the name of a port of this container"));
            }
        }
        else
        {
            errors.Add(FieldErrors.Required(path));
        }
    }

    private static void AtLeastOne(int value, FieldPath path, List<ValidationError> errors)
    {
        if (value < 1)
        {
            errors.Add(FieldErrors.Invalid(path, value, "must be greater than or equal to 1"));
        }
    }
}
