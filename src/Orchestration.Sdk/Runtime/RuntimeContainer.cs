namespace Orchestration.Sdk.Runtime;

/// <summary>A container as the runtime reports it.</summary>
public sealed record RuntimeContainer
{
    /// <summary>The runtime's id.</summary>
    public required string Id { get; init; }

    /// <summary>The container's labels.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>The image.</summary>
    public string Image { get; init; } = string.Empty;

    /// <summary>The state.</summary>
    public RuntimeContainerState State { get; init; }

    /// <summary>The exit code, when exited.</summary>
    public int? ExitCode { get; init; }

    /// <summary>Whether the engine killed it for exceeding its memory limit.</summary>
    public bool OomKilled { get; init; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it last started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it last exited.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>An error the engine reported for it (a failed start), or null.</summary>
    public string? Error { get; init; }
}
