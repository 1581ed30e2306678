using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime.Probes;

namespace Orchestration.Sdk.Declaration;

/// <summary>
/// Records what the fluent API says about one container, as given (quantities stay text); <see cref="Build"/> turns it
/// into a <see cref="Container"/> and reports what cannot be represented (an unparsable quantity).
/// </summary>
internal sealed class ContainerRecorder
{
    private readonly List<EnvVar> _env = [];
    private readonly List<ContainerPort> _ports = [];
    private readonly List<Configuration.EnvFromSource> _envFrom = [];
    private readonly List<Configuration.ConfigFileMount> _configFiles = [];
    private readonly List<VolumeMount> _volumeMounts = [];
    private string? _cpu;
    private string? _memory;
    private string? _cpuLimit;
    private string? _memoryLimit;

    public ContainerRecorder(string name)
    {
        Name = name;
    }

    public string Name { get; }

    /// <summary>Whether any container setting was recorded.</summary>
    public bool IsUsed { get; private set; }

    public string? Image { get; private set; }

    /// <summary>The directory holding a Dockerfile the image is built from, or null.</summary>
    public string? ImageBuildContext { get; private set; }

    public IReadOnlyList<string> Command { get; private set; } = [];

    public IReadOnlyList<string> Args { get; private set; } = [];

    public string? WorkingDirectory { get; private set; }

    public Probe? LivenessProbe { get; private set; }

    public Probe? ReadinessProbe { get; private set; }

    public Probe? StartupProbe { get; private set; }

    public void SetProbe(Runtime.Probes.ProbeKind kind, Probe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        switch (kind)
        {
            case Runtime.Probes.ProbeKind.Liveness: LivenessProbe = probe; break;
            case Runtime.Probes.ProbeKind.Readiness: ReadinessProbe = probe; break;
            default: StartupProbe = probe; break;
        }

        IsUsed = true;
    }

    public void SetImage(string image)
    {
        ArgumentNullException.ThrowIfNull(image);
        Image = image;
        IsUsed = true;
    }

    public void SetImageBuildContext(string contextDirectory)
    {
        ArgumentNullException.ThrowIfNull(contextDirectory);
        ImageBuildContext = contextDirectory.Length == 0 ? contextDirectory : Path.GetFullPath(contextDirectory);
        IsUsed = true;
    }

    public void SetCommand(string[] command)
    {
        Command = Copy(command);
        IsUsed = true;
    }

    public void SetArgs(string[] args)
    {
        Args = Copy(args);
        IsUsed = true;
    }

    public void SetEnvironment(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        var index = _env.FindIndex(e => e.Name == name);
        if (index >= 0)
        {
            _env[index] = new EnvVar(name, value);
        }
        else
        {
            _env.Add(new EnvVar(name, value));
        }

        IsUsed = true;
    }

    /// <summary>Sets a variable whose value comes from a ConfigMap or Secret key; replaces one of the same name.</summary>
    public void SetEnvironmentFrom(string name, Configuration.EnvVarSource source)
    {
        SetEnvironment(name, string.Empty);
        _env[_env.FindIndex(e => e.Name == name)] = new EnvVar(name, string.Empty) { ValueFrom = source };
    }

    public void AddEnvironmentFrom(Configuration.EnvFromSource source)
    {
        _envFrom.Add(source);
        IsUsed = true;
    }

    public void AddConfigFiles(Configuration.ConfigFileMount mount)
    {
        _configFiles.Add(mount);
        IsUsed = true;
    }

    public void AddVolumeMount(VolumeMount mount)
    {
        _volumeMounts.Add(mount);
        IsUsed = true;
    }

    public void AddPort(int port, string? name, string protocol)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        _ports.Add(new ContainerPort(port, name, protocol));
        IsUsed = true;
    }

    public void SetResources(string? cpu, string? memory, string? cpuLimit, string? memoryLimit)
    {
        _cpu = cpu ?? _cpu;
        _memory = memory ?? _memory;
        _cpuLimit = cpuLimit ?? _cpuLimit;
        _memoryLimit = memoryLimit ?? _memoryLimit;
        IsUsed = true;
    }

    public void SetWorkingDirectory(string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(workingDirectory);
        WorkingDirectory = workingDirectory;
        IsUsed = true;
    }

    /// <summary>The container; quantities that do not parse are reported at their path and left out.</summary>
    public Container Build(FieldPath path, List<ValidationError> errors)
    {
        var resources = path.Child("resources");
        var container = new Container
        {
            Name = Name,
            Image = Image ?? (ImageBuildContext is null ? string.Empty : Name + ":local"),
            ImageBuildContext = ImageBuildContext,
            Command = Command,
            Args = Args,
            Env = [.. _env],
            EnvFrom = [.. _envFrom],
            ConfigFiles = [.. _configFiles],
            VolumeMounts = [.. _volumeMounts],
            Ports = [.. _ports],
            WorkingDir = WorkingDirectory,
            LivenessProbe = LivenessProbe,
            ReadinessProbe = ReadinessProbe,
            StartupProbe = StartupProbe,
            Resources = new ResourceRequirements
            {
                Requests = new ResourceList
                {
                    Cpu = ParseQuantity(_cpu, resources.Child("requests").Key("cpu"), errors),
                    Memory = ParseQuantity(_memory, resources.Child("requests").Key("memory"), errors),
                },
                Limits = new ResourceList
                {
                    Cpu = ParseQuantity(_cpuLimit, resources.Child("limits").Key("cpu"), errors),
                    Memory = ParseQuantity(_memoryLimit, resources.Child("limits").Key("memory"), errors),
                },
            },
        };
        Configuration.ConfigReferenceValidator.Validate(container, path, errors);
        return container;
    }

    private static Quantity? ParseQuantity(string? text, FieldPath path, List<ValidationError> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (QuantityParser.TryParse(text, out var quantity, out var reason))
        {
            return quantity;
        }

        errors.Add(FieldErrors.Invalid(path, text, reason));
        return null;
    }

    private static string[] Copy(string[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var value in values)
        {
            ArgumentNullException.ThrowIfNull(value, nameof(values));
        }

        return [.. values];
    }
}
