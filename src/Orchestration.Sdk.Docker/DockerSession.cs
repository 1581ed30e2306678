using System.Diagnostics;
using System.Globalization;

namespace Orchestration.Sdk.Docker;

/// <summary>
/// Identifies the host process that created a container ("machine/pid/start time"), so a later host can tell the
/// leftovers of a process that died (sweep them) from those of one still running (leave them alone).
/// </summary>
internal sealed record DockerSession(string Machine, int ProcessId, long StartedAtUnixMilliseconds)
{
    private static readonly Lazy<DockerSession> LazyCurrent = new(() =>
    {
        using var process = Process.GetCurrentProcess();
        return new DockerSession(Environment.MachineName, process.Id, StartTimeOf(process));
    });

    /// <summary>This process's session.</summary>
    public static DockerSession Current => LazyCurrent.Value;

    /// <summary>The label value.</summary>
    public string Value => string.Create(CultureInfo.InvariantCulture, $"{Machine}/{ProcessId}/{StartedAtUnixMilliseconds}");

    /// <summary>Parses a label value; null when malformed.</summary>
    public static DockerSession? Parse(string? value)
    {
        var parts = value?.Split('/');
        if (parts is not { Length: 3 }
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var started))
        {
            return null;
        }

        return new DockerSession(parts[0], pid, started);
    }

    /// <summary>
    /// True when the session's process is known to be gone: it ran on this machine and no process with its id and
    /// start time exists. A session of another machine is never known dead.
    /// </summary>
    public bool IsDead()
    {
        if (!string.Equals(Machine, Environment.MachineName, StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(ProcessId);
            return Math.Abs(StartTimeOf(process) - StartedAtUnixMilliseconds) > 2_000;
        }
        catch (ArgumentException)
        {
            return true;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private static long StartTimeOf(Process process) =>
        new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds();
}
