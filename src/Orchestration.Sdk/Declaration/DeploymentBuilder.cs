using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Declaration;

/// <summary>
/// Declares a Deployment: a number of identical pods, replaced when they fail and rolled out when their template
/// changes. Defaults: 1 replica, labels and selector <c>app=&lt;name&gt;</c>, one container named after the deployment,
/// restart policy Always. Created by <see cref="AppDeclaration.AddDeployment(string)"/>.
/// </summary>
public sealed class DeploymentBuilder : WorkloadBuilder<DeploymentBuilder>, IResourceBuilder
{
    private int _replicas = 1;
    private int _revisionHistoryLimit = 10;
    private DeploymentStrategy _strategy = new();
    private string? _badStrategyValue;
    private int _minReadySeconds;
    private int _progressDeadlineSeconds = 600;
    private bool _autoRollback;

    internal DeploymentBuilder(string name)
        : base(name)
    {
        SelectorLabels = new Dictionary<string, string>(StringComparer.Ordinal) { [PodTemplateRecorder.AppLabel] = DerivedNames.AppLabelValue(name) };
    }

    /// <summary>The labels the Deployment selects its pods by (<c>app=&lt;name&gt;</c>); a service selecting its pods uses them.</summary>
    internal IReadOnlyDictionary<string, string> SelectorLabels { get; }

    string IResourceBuilder.Kind => Deployment.KindName;

    /// <summary>Sets how many pods run; must not be negative. <value>The default value is 1.</value></summary>
    /// <param name="replicas">The number of pods.</param>
    /// <returns>This builder.</returns>
    public DeploymentBuilder WithReplicas(int replicas)
    {
        _replicas = replicas;
        return this;
    }

    /// <summary>Sets how many old ReplicaSets are kept for rollback; must not be negative. <value>The default value is 10.</value></summary>
    /// <param name="limit">The number of old revisions kept.</param>
    /// <returns>This builder.</returns>
    public DeploymentBuilder WithRevisionHistoryLimit(int limit)
    {
        _revisionHistoryLimit = limit;
        return this;
    }

    /// <summary>
    /// Rolls new versions out gradually: at most <paramref name="maxSurge"/> pods above the replica count and at most
    /// <paramref name="maxUnavailable"/> below it (counts). Both zero is rejected.
    /// </summary>
    /// <param name="maxSurge">Extra pods allowed during the rollout. <value>The default value is 25 %.</value></param>
    /// <param name="maxUnavailable">Pods that may be unavailable during the rollout. <value>The default value is 25 %.</value></param>
    /// <returns>This builder.</returns>
    public DeploymentBuilder WithRollingUpdate(int maxSurge, int maxUnavailable)
    {
        _strategy = new DeploymentStrategy { MaxSurge = maxSurge, MaxUnavailable = maxUnavailable };
        return this;
    }

    /// <summary>Rolling update with counts or percentages ("25%"); surge rounds up, unavailable rounds down.</summary>
    /// <param name="maxSurge">"1" or "25%".</param>
    /// <param name="maxUnavailable">"0" or "25%".</param>
    /// <returns>This builder.</returns>
    public DeploymentBuilder WithRollingUpdate(string maxSurge, string maxUnavailable)
    {
        ArgumentNullException.ThrowIfNull(maxSurge);
        ArgumentNullException.ThrowIfNull(maxUnavailable);
        try
        {
            _strategy = new DeploymentStrategy { MaxSurge = IntOrPercent.Parse(maxSurge), MaxUnavailable = IntOrPercent.Parse(maxUnavailable) };
            _badStrategyValue = null;
        }
        catch (FormatException)
        {
            _badStrategyValue = IntOrPercentLooksValid(maxSurge) ? maxUnavailable : maxSurge;
        }

        return this;
    }

    /// <summary>Replaces all old pods before starting new ones (downtime during the switch).</summary>
    /// <returns>This builder.</returns>
    public DeploymentBuilder WithRecreateStrategy()
    {
        _strategy = new DeploymentStrategy { Type = DeploymentStrategyType.Recreate };
        return this;
    }

    /// <summary>Seconds a new pod must be Ready before it counts as available. <value>The default value is 0.</value></summary>
    /// <param name="seconds">Seconds, at least 0.</param>
    /// <returns>This builder.</returns>
    public DeploymentBuilder WithMinReadySeconds(int seconds)
    {
        _minReadySeconds = seconds;
        return this;
    }

    /// <summary>Time without progress after which the rollout is reported failed. <value>The default value is 600 seconds.</value></summary>
    /// <param name="deadline">The deadline, more than minReadySeconds; rounded up to whole seconds.</param>
    /// <returns>This builder.</returns>
    public DeploymentBuilder WithProgressDeadline(TimeSpan deadline)
    {
        _progressDeadlineSeconds = (int)Math.Ceiling(deadline.TotalSeconds);
        return this;
    }

    /// <summary>
    /// Rolls back to the previous revision automatically when a rollout fails (progress deadline exceeded, or a new
    /// pod crash-loops), as Nomad's auto_revert. <value>The default value is off.</value>
    /// </summary>
    /// <param name="enabled">Whether to roll back automatically.</param>
    /// <returns>This builder.</returns>
    public DeploymentBuilder WithAutoRollback(bool enabled = true)
    {
        _autoRollback = enabled;
        return this;
    }

    private static bool IntOrPercentLooksValid(string text)
    {
        try
        {
            IntOrPercent.Parse(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    IReadOnlyList<Resource> IResourceBuilder.Build(DeclarationContext context)
    {
        var root = FieldPath.Of(Deployment.KindName, Name);
        if (_badStrategyValue is not null)
        {
            context.Errors.Add(FieldErrors.Invalid(root.Child("spec", "strategy").Child("rollingUpdate"), _badStrategyValue, "must be an integer or a percentage (e.g. '25%')"));
        }

        var spec = Template.BuildSpec(root.Child("spec", "template").Child("spec"), context.Errors);
        return
        [
            new Deployment
            {
                Metadata = new ObjectMeta
                {
                    Name = Name,
                    Namespace = context.Namespace,
                    Labels = Template.CopyLabels(),
                    Annotations = Template.CopyAnnotations(),
                },
                Spec = new DeploymentSpec
                {
                    Replicas = _replicas,
                    Selector = LabelSelector.Of(new Dictionary<string, string>(SelectorLabels, StringComparer.Ordinal)),
                    Template = new PodTemplateSpec
                    {
                        Labels = Template.CopyLabels(),
                        Annotations = Template.CopyAnnotations(),
                        Spec = spec,
                    },
                    RevisionHistoryLimit = _revisionHistoryLimit,
                    Strategy = _strategy,
                    MinReadySeconds = _minReadySeconds,
                    ProgressDeadlineSeconds = _progressDeadlineSeconds,
                    AutoRollback = _autoRollback,
                },
            },
        ];
    }
}
