using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using Orchestration.Sdk.Manifests.Writing;

namespace Orchestration.Sdk.Manifests.Publishing;

/// <summary>
/// Publishes a declaration (fluent, manifests or Compose) to a Kubernetes cluster through the KubernetesClient
/// library: every object is applied with server-side apply (<c>application/apply-patch+yaml</c>, field manager
/// <see cref="ManifestPublishOptions.AppName"/>), labelled <see cref="ManagedByLabel"/> and
/// <see cref="InstanceLabel"/>; then the app's objects the declaration no longer declares are pruned (never a
/// PersistentVolumeClaim: its data stays until the user deletes it); then it waits for the Deployments and
/// StatefulSets to roll out, reporting each step. Objects are written as <see cref="ManifestExporter"/> writes
/// them, Secrets with their values (see <see cref="ManifestPublishOptions.ApplySecrets"/>).
/// </summary>
/// <example>
/// <code>
/// var result = await ManifestPublisher.PublishAsync(app, "~/.kube/config",
///     new ManifestPublishOptions { AppName = "shop" },
///     new Progress&lt;PublishProgress&gt;(p => Console.WriteLine(p.Message)));
/// </code>
/// </example>
public static partial class ManifestPublisher
{
    /// <summary>The label every published object carries, with the value <see cref="ManagedByValue"/>.</summary>
    public const string ManagedByLabel = "app.kubernetes.io/managed-by";

    /// <summary>The value of <see cref="ManagedByLabel"/>.</summary>
    public const string ManagedByValue = "orchestration-sdk";

    /// <summary>The label naming the app (<see cref="ManifestPublishOptions.AppName"/>); pruning selects by it.</summary>
    public const string InstanceLabel = "app.kubernetes.io/instance";

    /// <summary>Publishes to the cluster a kubeconfig file names.</summary>
    /// <param name="app">The declaration; built (and so validated) first.</param>
    /// <param name="kubeconfigPath">The kubeconfig file; its current context (or <see cref="ManifestPublishOptions.Context"/>) names the server and credentials.</param>
    /// <param name="options">How to publish; <see cref="ManifestPublishOptions.AppName"/> is required.</param>
    /// <param name="progress">Receives every step. <value>The default value is null: nothing is reported.</value></param>
    /// <param name="cancellationToken">Cancels the publish; what was applied stays applied.</param>
    /// <returns>What was applied, pruned and rolled out.</returns>
    /// <exception cref="ArgumentException">An option is invalid (the message names it and the rule).</exception>
    /// <exception cref="Declaration.DeclarationValidationException">The declaration is invalid; nothing was sent.</exception>
    /// <exception cref="k8s.Autorest.HttpOperationException">The server refused a request (its Status is in the response).</exception>
    /// <exception cref="TimeoutException">The rollouts did not finish within <see cref="ManifestPublishOptions.RolloutTimeout"/>.</exception>
    public static async Task<PublishResult> PublishAsync(AppDeclaration app, string kubeconfigPath, ManifestPublishOptions options, IProgress<PublishProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kubeconfigPath);
        ArgumentNullException.ThrowIfNull(options);
        var config = await KubernetesClientConfiguration.BuildConfigFromConfigFileAsync(new FileInfo(kubeconfigPath), options.Context).ConfigureAwait(false);
        using var client = new k8s.Kubernetes(config);
        return await PublishAsync(app, client, options, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Publishes through a client the caller made (and disposes).</summary>
    /// <param name="app">The declaration; built (and so validated) first.</param>
    /// <param name="client">The client.</param>
    /// <param name="options">How to publish; <see cref="ManifestPublishOptions.AppName"/> is required; <see cref="ManifestPublishOptions.Context"/> is not used.</param>
    /// <param name="progress">Receives every step. <value>The default value is null: nothing is reported.</value></param>
    /// <param name="cancellationToken">Cancels the publish; what was applied stays applied.</param>
    /// <returns>What was applied, pruned and rolled out.</returns>
    /// <exception cref="ArgumentException">An option is invalid (the message names it and the rule).</exception>
    /// <exception cref="Declaration.DeclarationValidationException">The declaration is invalid; nothing was sent.</exception>
    /// <exception cref="k8s.Autorest.HttpOperationException">The server refused a request.</exception>
    /// <exception cref="TimeoutException">The rollouts did not finish within <see cref="ManifestPublishOptions.RolloutTimeout"/>.</exception>
    public static async Task<PublishResult> PublishAsync(AppDeclaration app, IKubernetes client, ManifestPublishOptions options, IProgress<PublishProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        var ns = app.Namespace;
        var declared = ManifestDocuments.Declared(app.Build(), new ManifestExportOptions { IncludeSecretValues = true })
            .Where(d => options.ApplySecrets || d.Resource.Kind != "Secret")
            .Select(d => (Kind: PublishedKind.Of(d.Resource.Kind), d.Resource.Metadata.Name, d.Wire))
            .OrderBy(d => d.Kind.Order)
            .ToList();

        var applied = new List<string>();
        foreach (var (kind, name, wire) in declared)
        {
            var meta = ((IMetadata<V1ObjectMeta>)wire).Metadata;
            meta.Labels ??= new Dictionary<string, string>(StringComparer.Ordinal);
            meta.Labels[ManagedByLabel] = ManagedByValue;
            meta.Labels[InstanceLabel] = options.AppName;
            var patch = new V1Patch(KubernetesJson.Serialize(wire), V1Patch.PatchType.ApplyPatch);
            await kind.Apply(client, patch, name, ns, options.AppName, options.Force, cancellationToken).ConfigureAwait(false);
            applied.Add($"{kind.Kind}/{name}");
            progress?.Report(new PublishProgress(PublishStage.Applied, kind.Kind, name, $"{kind.Kind.ToLowerInvariant()}/{name} serverside-applied"));
        }

        var pruned = options.Prune ? await PruneAsync(client, ns, declared.Select(d => $"{d.Kind.Kind}/{d.Name}").ToHashSet(StringComparer.Ordinal), options, progress, cancellationToken).ConfigureAwait(false) : [];
        var rolledOut = options.WaitForRollouts
            ? await RolloutWait.WaitAsync(client, ns, [.. declared.Where(d => RolloutWait.Kinds.Contains(d.Kind.Kind)).Select(d => (d.Kind.Kind, d.Name))], options, progress, cancellationToken).ConfigureAwait(false)
            : [];
        return new PublishResult(applied, pruned, rolledOut);
    }

    private static async Task<IReadOnlyList<string>> PruneAsync(IKubernetes client, string ns, HashSet<string> declared, ManifestPublishOptions options, IProgress<PublishProgress>? progress, CancellationToken cancellationToken)
    {
        var selector = $"{ManagedByLabel}={ManagedByValue},{InstanceLabel}={options.AppName}";
        var pruned = new List<string>();
        foreach (var kind in PublishedKind.All.Where(k => k.Prunable && (options.ApplySecrets || k.Kind != "Secret")).Reverse())
        {
            foreach (var meta in await kind.List(client, ns, selector, cancellationToken).ConfigureAwait(false))
            {
                var key = $"{kind.Kind}/{meta.Name}";
                if (declared.Contains(key) || meta.OwnerReferences?.Any(o => o.Controller == true) == true)
                {
                    continue;
                }

                await kind.Delete(client, meta.Name, ns, cancellationToken).ConfigureAwait(false);
                pruned.Add(key);
                progress?.Report(new PublishProgress(PublishStage.Pruned, kind.Kind, meta.Name, $"{kind.Kind.ToLowerInvariant()}/{meta.Name} pruned"));
            }
        }

        return pruned;
    }

    private static void Validate(ManifestPublishOptions options)
    {
        if (options.AppName.Length is 0 or > 63 || !LabelValue().IsMatch(options.AppName))
        {
            throw new ArgumentException($"ManifestPublishOptions.AppName: Invalid value: \"{options.AppName}\": must be a label value of 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit", nameof(options));
        }

        if (options.RolloutTimeout <= TimeSpan.Zero || options.PollInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException($"ManifestPublishOptions.{(options.RolloutTimeout <= TimeSpan.Zero ? "RolloutTimeout" : "PollInterval")}: Invalid value: must be greater than zero", nameof(options));
        }

        ArgumentNullException.ThrowIfNull(options.TimeProvider);
    }

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")]
    private static partial Regex LabelValue();
}
