using System.Globalization;
using Docker.DotNet.Models;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker;

/// <summary>Maps between the contract's records and the engine's models.</summary>
internal static class DockerContainerMapper
{
    /// <summary>A container as the contract reports it.</summary>
    public static RuntimeContainer ToRuntimeContainer(ContainerInspectResponse inspect)
    {
        ArgumentNullException.ThrowIfNull(inspect);
        var state = inspect.State;
        var runtimeState = state switch
        {
            { Running: true } or { Paused: true } or { Restarting: true } => RuntimeContainerState.Running,
            { Status: "created" } => RuntimeContainerState.Created,
            _ => RuntimeContainerState.Exited,
        };
        return new RuntimeContainer
        {
            Id = inspect.ID,
            Labels = Copy(inspect.Config?.Labels),
            Image = inspect.Config?.Image ?? inspect.Image ?? string.Empty,
            State = runtimeState,
            ExitCode = runtimeState == RuntimeContainerState.Exited && state is not null ? (int)state.ExitCode : null,
            OomKilled = state?.OOMKilled ?? false,
            CreatedAt = ToUtc(inspect.Created),
            StartedAt = ParseTime(state?.StartedAt),
            FinishedAt = runtimeState == RuntimeContainerState.Exited ? ParseTime(state?.FinishedAt) : null,
            Error = string.IsNullOrWhiteSpace(state?.Error) ? null : state.Error,
        };
    }

    /// <summary>A sandbox as the contract reports it; the address is empty when it is not running.</summary>
    public static PodSandbox ToPodSandbox(ContainerInspectResponse inspect, string networkName)
    {
        ArgumentNullException.ThrowIfNull(inspect);
        var address = inspect.State is { Running: true }
            && inspect.NetworkSettings?.Networks is { } networks
            && networks.TryGetValue(networkName, out var endpoint)
                ? endpoint.IPAddress ?? string.Empty
                : string.Empty;
        return new PodSandbox(inspect.ID, address, Copy(inspect.Config?.Labels));
    }

    /// <summary>
    /// The labels of a new sandbox or container: the request's, plus the managed/app/node labels when the request
    /// lacks them, plus the runtime's own (session, lifetime).
    /// </summary>
    public static Dictionary<string, string> Labels(
        IReadOnlyDictionary<string, string> requested, DockerRuntimeOptions options, IEnumerable<KeyValuePair<string, string>> extra)
    {
        var labels = new Dictionary<string, string>(requested, StringComparer.Ordinal);
        labels[RuntimeLabels.Managed] = "true";
        labels.TryAdd(RuntimeLabels.App, options.AppName);
        labels.TryAdd(RuntimeLabels.Node, options.NodeName);
        labels[DockerLabels.Session] = DockerSession.Current.Value;
        labels[DockerLabels.Lifetime] = options.Lifetime.ToString();
        foreach (var (key, value) in extra)
        {
            labels[key] = value;
        }

        return labels;
    }

    /// <summary>A list filter for managed objects whose labels contain every pair of <paramref name="selector"/>.</summary>
    public static ContainersListParameters ListParameters(IReadOnlyDictionary<string, string> selector)
    {
        var labels = new Dictionary<string, bool>(StringComparer.Ordinal) { [RuntimeLabels.Managed + "=true"] = true };
        foreach (var (key, value) in selector)
        {
            labels[key + "=" + value] = true;
        }

        return new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = labels },
        };
    }

    /// <summary>"8080/tcp" keys for the engine's exposed ports.</summary>
    public static Dictionary<string, EmptyStruct>? ExposedPorts(IReadOnlyList<int> ports) =>
        ports.Count == 0 ? null : ports.Distinct().ToDictionary(p => p.ToString(CultureInfo.InvariantCulture) + "/tcp", _ => default(EmptyStruct));

    private static Dictionary<string, string> Copy(IDictionary<string, string>? labels) =>
        labels is null ? [] : new Dictionary<string, string>(labels, StringComparer.Ordinal);

    private static DateTimeOffset ToUtc(DateTime time) =>
        time.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(time, TimeSpan.Zero) : new DateTimeOffset(time.ToUniversalTime(), TimeSpan.Zero);

    private static DateTimeOffset? ParseTime(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) && time.Year > 1
            ? time.ToUniversalTime()
            : null;
}
