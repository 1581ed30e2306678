using System.Globalization;
using System.Net;

namespace Orchestration.Sdk.Networking.Proxy;

/// <summary>
/// Best effort, on Linux: which process listens on a TCP port ("process 4242 (python3)"), read from /proc/net/tcp[6]
/// and the processes' socket descriptors. Null when it cannot tell (another OS, another user's process).
/// </summary>
internal static class PortHolder
{
    /// <summary>Which process listens on <paramref name="endPoint"/>'s port at an address that conflicts with it.</summary>
    public static string? Describe(IPEndPoint endPoint)
    {
        try
        {
            var inodes = ListeningInodes(endPoint, Tables());
            return inodes.Count == 0 ? null : FindProcess(inodes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// The socket inodes listening on the endpoint's port at an address that conflicts with the endpoint's: the same
    /// address, or a wildcard (0.0.0.0, ::) on either side. Listeners on the port at other addresses (another
    /// process's, or this one's own on another address) are left out unless none conflicts, so the one named is the
    /// one in the way.
    /// </summary>
    internal static HashSet<string> ListeningInodes(IPEndPoint endPoint, IEnumerable<(string[] Lines, bool V6)> tables)
    {
        var conflicting = new HashSet<string>(StringComparer.Ordinal);
        var onPort = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (lines, v6) in tables)
        {
            foreach (var line in lines.Skip(1))
            {
                // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length < 10 || fields[3] != "0A")
                {
                    continue; // 0A is LISTEN
                }

                var colon = fields[1].LastIndexOf(':');
                if (colon <= 0 || !int.TryParse(fields[1].AsSpan(colon + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var local) || local != endPoint.Port)
                {
                    continue;
                }

                onPort.Add(fields[9]);
                if (ParseAddress(fields[1][..colon], v6) is not { } address || Conflicts(address, endPoint.Address))
                {
                    conflicting.Add(fields[9]);
                }
            }
        }

        return conflicting.Count > 0 ? conflicting : onPort;
    }

    /// <summary>Whether a listener on <paramref name="listener"/> keeps a bind to <paramref name="wanted"/> (same port) from succeeding.</summary>
    internal static bool Conflicts(IPAddress listener, IPAddress wanted)
    {
        listener = listener.IsIPv4MappedToIPv6 ? listener.MapToIPv4() : listener;
        wanted = wanted.IsIPv4MappedToIPv6 ? wanted.MapToIPv4() : wanted;
        return IsAny(listener) || IsAny(wanted) || listener.Equals(wanted);
    }

    private static bool IsAny(IPAddress address) => address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);

    /// <summary>An address of /proc/net/tcp[6]: 32-bit words in hexadecimal, each in the host's byte order.</summary>
    private static IPAddress? ParseAddress(string hex, bool v6)
    {
        if (hex.Length != (v6 ? 32 : 8))
        {
            return null;
        }

        var bytes = new byte[hex.Length / 2];
        for (var word = 0; word < hex.Length / 8; word++)
        {
            if (!uint.TryParse(hex.AsSpan(word * 8, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value))
            {
                return null;
            }

            BitConverter.GetBytes(value).CopyTo(bytes, word * 4);
        }

        return new IPAddress(bytes);
    }

    private static IEnumerable<(string[] Lines, bool V6)> Tables()
    {
        foreach (var (table, v6) in new[] { ("/proc/net/tcp", false), ("/proc/net/tcp6", true) })
        {
            if (File.Exists(table))
            {
                yield return (File.ReadAllLines(table), v6);
            }
        }
    }

    private static string? FindProcess(HashSet<string> inodes)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            var pid = Path.GetFileName(dir);
            if (!int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                continue;
            }

            try
            {
                foreach (var fd in Directory.EnumerateFileSystemEntries(Path.Combine(dir, "fd")))
                {
                    var target = new FileInfo(fd).LinkTarget;
                    if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal) && inodes.Contains(target[8..^1]))
                    {
                        var name = File.ReadAllText(Path.Combine(dir, "comm")).Trim();
                        return $"process {pid} ({name})";
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }

        return "another process";
    }
}
