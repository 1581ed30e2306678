using Orchestration.Sdk.Configuration;

namespace Orchestration.Sdk.Declaration;

/// <summary>The opt-in roll of a Deployment when the ConfigMaps or Secrets its pods use change.</summary>
public static class ConfigRolloutExtensions
{
    /// <summary>
    /// Rolls the Deployment out (new pods, through its rolling update) whenever a ConfigMap or Secret its pods refer to
    /// is modified, so environment variables pick up the new values. Sets the annotation
    /// <see cref="Model.WellKnownAnnotations.RolloutOnConfigChange"/> (<c>orchestration.io/rollout-on-config-change: "true"</c>). <value>The default value is off: running pods keep
    /// their environment; mounted ConfigMap and Secret files are updated in place either way.</value>
    /// </summary>
    /// <param name="builder">The deployment.</param>
    /// <returns>The builder.</returns>
    public static DeploymentBuilder WithRolloutOnConfigChange(this DeploymentBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithAnnotation(ConfigRollout.OptInAnnotation, "true");
    }
}
