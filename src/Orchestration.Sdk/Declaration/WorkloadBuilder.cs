using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Declaration;

/// <summary>
/// What every builder of pods shares (<see cref="DeploymentBuilder"/>, <see cref="PodBuilder"/>): the primary container,
/// named after the workload, extra containers, labels and scheduling constraints. Methods record values and return the
/// builder; they throw only for null arguments. Invalid values are reported, all at once, by
/// <see cref="AppDeclaration.Validate"/> and <see cref="AppDeclaration.Build"/>.
/// </summary>
/// <typeparam name="TBuilder">The concrete builder, returned by every method.</typeparam>
public abstract partial class WorkloadBuilder<TBuilder> : ContainerSettings<TBuilder>
    where TBuilder : WorkloadBuilder<TBuilder>
{
    private protected WorkloadBuilder(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Template = new PodTemplateRecorder(name);
    }

    /// <summary>The workload's name; other builders use it to refer to this one.</summary>
    public string Name => Template.Name;

    internal PodTemplateRecorder Template { get; }

    private protected override ContainerRecorder Target => Template.Primary;

    /// <summary>The labels the workload's pods carry (by default <c>app=&lt;name&gt;</c>), for selectors of other objects.</summary>
    internal IReadOnlyDictionary<string, string> PodLabels => Template.Labels;

    private TBuilder Self => (TBuilder)this;

    /// <summary>
    /// Adds another container to the pod (a sidecar), after the primary one. Container names must be unique within the
    /// pod. A workload declared only through this method has no primary container.
    /// </summary>
    /// <param name="name">The container's name.</param>
    /// <param name="configure">Configures the container.</param>
    /// <returns>This builder.</returns>
    public TBuilder WithContainer(string name, Action<ContainerBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        configure(new ContainerBuilder(Template.AddContainer(name)));
        return Self;
    }

    /// <summary>
    /// Adds an init container: init containers run one at a time, in the order added, each to a successful exit,
    /// before the pod's containers start (a database migration before the web server). A failing one is restarted with
    /// the crash-loop back-off unless the pod's restart policy is Never, which fails the pod. Names are unique across
    /// init and app containers; init containers take no probes. <value>The default value is none.</value>
    /// </summary>
    /// <param name="name">The init container's name.</param>
    /// <param name="configure">Configures the container (image, command, environment, files).</param>
    /// <returns>This builder.</returns>
    public TBuilder WithInitContainer(string name, Action<ContainerBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        configure(new ContainerBuilder(Template.AddInitContainer(name)));
        return Self;
    }

    /// <summary>
    /// Sets a label on the object and its pods; setting a key again replaces its value.
    /// <value>The default value is <c>app=&lt;name&gt;</c>, which a Deployment's selector matches (so overriding <c>app</c> on a Deployment is an error).</value>
    /// </summary>
    /// <param name="key">The label key (an optional DNS prefix and '/', then at most 63 alphanumerics, '-', '_', '.').</param>
    /// <param name="value">The label value (empty, or at most 63 alphanumerics, '-', '_', '.').</param>
    /// <returns>This builder.</returns>
    public TBuilder WithLabel(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        Template.Labels[key] = value;
        return Self;
    }

    /// <summary>Sets an annotation (non-identifying data) on the object and its pods. <value>The default value is none.</value></summary>
    /// <param name="key">The annotation key (same syntax as a label key).</param>
    /// <param name="value">Any text.</param>
    /// <returns>This builder.</returns>
    public TBuilder WithAnnotation(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        Template.Annotations[key] = value;
        return Self;
    }

    /// <summary>Requires a node label for the pods to be scheduled onto a node. <value>The default value is none (any node).</value></summary>
    /// <param name="key">The node label key.</param>
    /// <param name="value">The value it must have.</param>
    /// <returns>This builder.</returns>
    public TBuilder WithNodeSelector(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        Template.NodeSelector[key] = value;
        return Self;
    }

    /// <summary>
    /// Lets the pods run on nodes with a matching taint. With a value, it matches taints with that key and value
    /// (operator Equal); without one, any taint with that key (operator Exists); an empty key without a value
    /// tolerates every taint. <value>The default value is no tolerations.</value>
    /// </summary>
    /// <param name="key">The taint key.</param>
    /// <param name="value">The taint value, or null for any value.</param>
    /// <param name="effect">The effect tolerated, or null for every effect.</param>
    /// <param name="tolerationSeconds">For NoExecute only: how long a pod stays on a node after the taint appears; null is forever.</param>
    /// <returns>This builder.</returns>
    public TBuilder WithToleration(string key, string? value = null, TaintEffect? effect = null, long? tolerationSeconds = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        return WithToleration(new Toleration
        {
            Key = key,
            Operator = value is null ? TolerationOperator.Exists : TolerationOperator.Equal,
            Value = value ?? string.Empty,
            Effect = effect,
            TolerationSeconds = tolerationSeconds,
        });
    }

    /// <summary>Adds a toleration given in full. <value>The default value is no tolerations.</value></summary>
    /// <param name="toleration">The toleration.</param>
    /// <returns>This builder.</returns>
    public TBuilder WithToleration(Toleration toleration)
    {
        ArgumentNullException.ThrowIfNull(toleration);
        Template.AddToleration(toleration);
        return Self;
    }

    /// <summary>
    /// Sets how long containers get between the stop signal and the kill, rounded up to whole seconds; must not be negative.
    /// <value>The default value is 30 seconds, as Kubernetes'.</value>
    /// </summary>
    /// <param name="period">The grace period.</param>
    /// <returns>This builder.</returns>
    public TBuilder WithTerminationGracePeriod(TimeSpan period)
    {
        Template.TerminationGracePeriodSeconds = (long)Math.Ceiling(period.TotalSeconds);
        return Self;
    }
}
