using System.Text;

namespace Orchestration.Sdk.Runtime.InMemory;

/// <summary>One simulated container instance. Mutated only under its node's lock.</summary>
internal sealed class InMemoryContainer
{
    private readonly StringBuilder _output = new();
    private TaskCompletionSource _written = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public InMemoryContainer(string id, long sequence, ContainerCreateRequest request, DateTimeOffset createdAt)
    {
        Id = id;
        Sequence = sequence;
        Request = request;
        CreatedAt = createdAt;
    }

    public string Id { get; }

    /// <summary>Creation order on the node (creation times tie on a fake clock).</summary>
    public long Sequence { get; }

    public ContainerCreateRequest Request { get; }

    public string SandboxId => Request.SandboxId;

    public IReadOnlyDictionary<string, string> Labels => Request.Labels;

    public DateTimeOffset CreatedAt { get; }

    public RuntimeContainerState State { get; private set; }

    public int? ExitCode { get; private set; }

    public bool OomKilled { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>A test marked this instance to ignore SIGTERM: a stop then waits the whole grace period.</summary>
    public bool IgnoresSigterm { get; set; }

    /// <summary>Completes when the instance exits.</summary>
    public TaskCompletionSource Exited { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Output => _output.ToString();

    /// <summary>How many characters of output there are.</summary>
    public int OutputLength => _output.Length;

    /// <summary>Completes on the next write (a follower waits on it, outside the node's lock).</summary>
    public Task NextWrite => _written.Task;

    /// <summary>The output from a character offset on.</summary>
    public string OutputFrom(int offset) => _output.ToString(offset, _output.Length - offset);

    public bool Matches(string podName, string? podNamespace, string containerName) =>
        Labels.TryGetValue(RuntimeLabels.PodName, out var p) && p == podName &&
        (podNamespace is null || (Labels.TryGetValue(RuntimeLabels.PodNamespace, out var ns) && ns == podNamespace)) &&
        Labels.TryGetValue(RuntimeLabels.ContainerName, out var c) && c == containerName;

    public void Start(DateTimeOffset now)
    {
        State = RuntimeContainerState.Running;
        StartedAt = now;
        Write($"started container {Request.Name} (image {Request.Image})");
    }

    public void Exit(DateTimeOffset now, int exitCode, bool oomKilled, string why)
    {
        State = RuntimeContainerState.Exited;
        ExitCode = exitCode;
        OomKilled = oomKilled;
        FinishedAt = now;
        Write($"{why}; exit code {exitCode}");
        Exited.TrySetResult();
    }

    public void Write(string line)
    {
        _output.Append(line);
        if (!line.EndsWith('\n'))
        {
            _output.Append('\n');
        }

        var written = _written;
        _written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        written.TrySetResult();
    }

    public RuntimeContainer Snapshot() => new()
    {
        Id = Id,
        Labels = Labels,
        Image = Request.Image,
        State = State,
        ExitCode = ExitCode,
        OomKilled = OomKilled,
        CreatedAt = CreatedAt,
        StartedAt = StartedAt,
        FinishedAt = FinishedAt,
    };
}
