using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime.Probes;

namespace Orchestration.Sdk.Declaration;

/// <summary>Validates a pod spec as Kubernetes' ValidatePodSpec does (the parts this model has).</summary>
internal static class PodSpecValidator
{
    internal static readonly string[] SupportedProtocols = ["SCTP", "TCP", "UDP"];

    // Specs already found valid, by reference. A spec is an immutable record and its validity depends on nothing
    // else, so the thousands of pods a ReplicaSet stamps from one template (they share its spec instance) are
    // validated once. Only successes are kept: an error's message names the path, which differs per caller. The
    // table holds its keys weakly, so it keeps no spec alive.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PodSpec, object> Valid = [];

    public static void Validate(PodSpec spec, FieldPath path, List<ValidationError> errors)
    {
        if (Valid.TryGetValue(spec, out _))
        {
            return;
        }

        var before = errors.Count;
        ValidateUncached(spec, path, errors);
        if (errors.Count == before)
        {
            Valid.TryAdd(spec, Valid);
        }
    }

    private static void ValidateUncached(PodSpec spec, FieldPath path, List<ValidationError> errors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        ValidateInitContainers(spec.InitContainers ?? [], path.Child("initContainers"), names, errors);
        ValidateContainers(spec.Containers ?? [], path.Child("containers"), names, errors);
        Storage.VolumeValidator.Validate(spec, path, errors);
        if (!Enum.IsDefined(spec.RestartPolicy))
        {
            errors.Add(FieldErrors.NotSupported(path.Child("restartPolicy"), spec.RestartPolicy.ToString(), Names<RestartPolicy>()));
        }

        MetadataValidator.ValidateLabels(spec.NodeSelector, path.Child("nodeSelector"), errors);
        ValidateTolerations(spec.Tolerations ?? [], path.Child("tolerations"), errors);
        MetadataValidator.ValidateNonNegative(spec.TerminationGracePeriodSeconds, path.Child("terminationGracePeriodSeconds"), errors);
        if (spec.NodeName is { Length: > 0 } nodeName)
        {
            errors.AddRange(NameRules.Dns1123Subdomain(nodeName).Select(m => FieldErrors.Invalid(path.Child("nodeName"), nodeName, m)));
        }
    }

    /// <summary>Init containers: the container rules, names unique across init and app containers, and no probes (validateInitContainers).</summary>
    private static void ValidateInitContainers(IReadOnlyList<Container> containers, FieldPath path, HashSet<string> names, List<ValidationError> errors)
    {
        const string NoProbes = "may not be set for init containers without restartPolicy=Always";
        ValidateEach(containers, path, names, errors);
        for (var i = 0; i < containers.Count; i++)
        {
            var at = path.Index(i);
            foreach (var (probe, field) in new[] { (containers[i].LivenessProbe, "livenessProbe"), (containers[i].ReadinessProbe, "readinessProbe"), (containers[i].StartupProbe, "startupProbe") })
            {
                if (probe is not null)
                {
                    errors.Add(FieldErrors.Forbidden(at.Child(field), NoProbes));
                }
            }
        }
    }

    private static void ValidateContainers(IReadOnlyList<Container> containers, FieldPath path, HashSet<string> names, List<ValidationError> errors)
    {
        if (containers.Count == 0)
        {
            errors.Add(FieldErrors.Required(path));
            return;
        }

        ValidateEach(containers, path, names, errors);
    }

    private static void ValidateEach(IReadOnlyList<Container> containers, FieldPath path, HashSet<string> names, List<ValidationError> errors)
    {
        var ports = new PortTracker();
        for (var i = 0; i < containers.Count; i++)
        {
            var container = containers[i];
            var containerPath = path.Index(i);
            ContainerValidator.Validate(container, containerPath, errors);
            Runtime.Probes.ProbeValidator.Validate(container, containerPath, errors);
            if (!string.IsNullOrEmpty(container.Name) && !names.Add(container.Name))
            {
                errors.Add(FieldErrors.Duplicate(containerPath.Child("name"), container.Name));
            }

            var containerPorts = container.Ports ?? [];
            for (var j = 0; j < containerPorts.Count; j++)
            {
                ports.Validate(containerPorts[j], containerPath.Child("ports").Index(j), errors);
            }
        }
    }

    private static void ValidateTolerations(IReadOnlyList<Toleration> tolerations, FieldPath path, List<ValidationError> errors)
    {
        for (var i = 0; i < tolerations.Count; i++)
        {
            var toleration = tolerations[i];
            var at = path.Index(i);
            var key = toleration.Key ?? string.Empty;
            var value = toleration.Value ?? string.Empty;
            if (key.Length > 0)
            {
                errors.AddRange(NameRules.LabelKey(key).Select(m => FieldErrors.Invalid(at.Child("key"), key, m)));
            }

            if (key.Length == 0 && toleration.Operator != TolerationOperator.Exists)
            {
                errors.Add(FieldErrors.Invalid(at.Child("operator"), toleration.Operator,
                    "operator must be Exists when `key` is empty, which means \"match all values and all keys\""));
            }

            if (toleration.TolerationSeconds is not null && toleration.Effect != TaintEffect.NoExecute)
            {
                errors.Add(FieldErrors.Invalid(at.Child("effect"), toleration.Effect?.ToString() ?? string.Empty,
                    "effect must be 'NoExecute' when `tolerationSeconds` is set"));
            }

            switch (toleration.Operator)
            {
                case TolerationOperator.Equal:
                    var messages = NameRules.LabelValue(value);
                    if (messages.Count > 0)
                    {
                        errors.Add(FieldErrors.Invalid(at.Child("operator"), value, string.Join(";", messages)));
                    }

                    break;
                case TolerationOperator.Exists:
                    if (value.Length > 0)
                    {
                        errors.Add(FieldErrors.Invalid(at.Child("operator"), value, "value must be empty when `operator` is 'Exists'"));
                    }

                    break;
                default:
                    errors.Add(FieldErrors.NotSupported(at.Child("operator"), toleration.Operator.ToString(), Names<TolerationOperator>()));
                    break;
            }

            if (toleration.Effect is { } effect && !Enum.IsDefined(effect))
            {
                errors.Add(FieldErrors.NotSupported(at.Child("effect"), effect.ToString(), Names<TaintEffect>()));
            }
        }
    }

    internal static string[] Names<TEnum>()
        where TEnum : struct, Enum => Enum.GetNames<TEnum>();

    /// <summary>Port rules across every container of one pod: valid names and numbers, unique names, unique number per protocol.</summary>
    private sealed class PortTracker
    {
        private readonly HashSet<string> _names = new(StringComparer.Ordinal);
        private readonly HashSet<(int Number, string Protocol)> _numbers = [];

        public void Validate(ContainerPort port, FieldPath path, List<ValidationError> errors)
        {
            if (!string.IsNullOrEmpty(port.Name))
            {
                var messages = NameRules.PortName(port.Name);
                if (messages.Count > 0)
                {
                    errors.AddRange(messages.Select(m => FieldErrors.Invalid(path.Child("name"), port.Name, m)));
                }
                else if (!_names.Add(port.Name))
                {
                    errors.Add(FieldErrors.Duplicate(path.Child("name"), port.Name));
                }
            }

            var protocol = port.Protocol ?? string.Empty;
            if (port.Number == 0)
            {
                errors.Add(FieldErrors.Required(path.Child("containerPort")));
            }
            else if (NameRules.PortNumber(port.Number) is { Count: > 0 } messages)
            {
                errors.AddRange(messages.Select(m => FieldErrors.Invalid(path.Child("containerPort"), port.Number, m)));
            }
            else if (!_numbers.Add((port.Number, protocol)))
            {
                errors.Add(FieldErrors.Duplicate(path.Child("containerPort"), port.Number));
            }

            if (protocol.Length == 0)
            {
                errors.Add(FieldErrors.Required(path.Child("protocol")));
            }
            else if (!SupportedProtocols.Contains(protocol, StringComparer.Ordinal))
            {
                errors.Add(FieldErrors.NotSupported(path.Child("protocol"), protocol, SupportedProtocols));
            }
        }
    }
}
