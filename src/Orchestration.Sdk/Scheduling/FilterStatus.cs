namespace Orchestration.Sdk.Scheduling;

/// <summary>
/// The result of a filter plugin for one node: a code and the human-readable reasons, in Kubernetes' words
/// ("Insufficient cpu"). Statuses are immutable and shared, so filtering allocates nothing.
/// </summary>
internal sealed class FilterStatus
{
    /// <summary>The pod may run on the node.</summary>
    public static readonly FilterStatus Success = new(StatusCode.Success, string.Empty);

    public FilterStatus(StatusCode code, string plugin, params string[] reasons)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        ArgumentNullException.ThrowIfNull(reasons);
        Code = code;
        Plugin = plugin;
        Reasons = reasons;
    }

    public StatusCode Code { get; }

    /// <summary>The plugin that rejected the node; empty for <see cref="Success"/>.</summary>
    public string Plugin { get; }

    public IReadOnlyList<string> Reasons { get; }

    public bool IsSuccess => Code == StatusCode.Success;

    /// <inheritdoc />
    public override string ToString() => IsSuccess ? "Success" : $"{Code} ({Plugin}): {string.Join(", ", Reasons)}";
}
