using System.Formats.Tar;
using System.Globalization;
using System.Text;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker;

/// <summary>
/// How a container's ConfigMap and Secret files (<see cref="ContainerCreateRequest.Files"/>) are laid out on Docker:
/// one memory-backed volume (the local driver with type tmpfs) per directory the files are in, as Kubernetes mounts
/// one configMap/secret volume per mount path with one file per key. A small "files holder" container (the pause
/// image) keeps the volumes mounted, so their content lives as long as the container's instance; the files are written
/// into the volumes through the holder with the archive API, from an in-memory tar.
/// </summary>
internal static class DockerFileMounts
{
    /// <summary>On the holder and the volumes: the name of the app container whose files they hold.</summary>
    public const string FilesOfLabel = "io.orchestration.docker.files-of";

    /// <summary>On an app container: the name of its files holder.</summary>
    public const string HolderLabel = "io.orchestration.docker.files-holder";

    /// <summary>On a volume: the directory it is mounted at in the app container.</summary>
    public const string MountPathLabel = "io.orchestration.docker.mount-path";

    /// <summary>Where the holder mounts volume <c>i</c>: <c>/files/i</c>.</summary>
    public const string HolderRoot = "/files";

    /// <summary>
    /// The prefix of the directory an update writes into before its files replace the current ones (no key starts with
    /// ".."). Each update uses a new one, so a stage left by a failed update is removed by the next, never merged.
    /// </summary>
    public const string StagingPrefix = "..staging-";

    /// <summary>The smallest tmpfs size: room for a ConfigMap or Secret at its 1 MiB limit twice (old and new files during an update).</summary>
    public const long MinimumSizeBytes = 4L * 1024 * 1024;

    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>The name of the holder of an app container's files.</summary>
    public static string HolderName(string containerName) => containerName + "_files";

    /// <summary>The name of the volume of directory <paramref name="index"/> of an app container.</summary>
    public static string VolumeName(string containerName, int index) =>
        HolderName(containerName) + "_" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>Where the holder mounts volume <paramref name="index"/>.</summary>
    public static string HolderPath(int index) => HolderRoot + "/" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>Groups files by directory (ordinal order, indexed from 0); rejects paths that cannot be mounted.</summary>
    /// <exception cref="ContainerRuntimeException">A path is not absolute, names no file, sits in "/", or repeats.</exception>
    public static IReadOnlyList<FileDirectory> Group(IReadOnlyList<ContainerFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var byDirectory = new SortedDictionary<string, List<ContainerFile>>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var (directory, name) = Split(file.Path);
            if (!seen.Add(directory + "/" + name))
            {
                throw Invalid($"file {file.Path} is given twice");
            }

            if (!byDirectory.TryGetValue(directory, out var list))
            {
                byDirectory[directory] = list = [];
            }

            list.Add(file);
        }

        return [.. byDirectory.Select((p, i) => new FileDirectory(i, p.Key, p.Value))];
    }

    /// <summary>
    /// The new file set of a running container mapped onto its mounted directories (every mounted directory, with no
    /// files when none remain in it); files in a directory that is not mounted are returned in <paramref name="unmounted"/>.
    /// </summary>
    public static IReadOnlyList<FileDirectory> MapToMounted(
        IReadOnlyList<ContainerFile> files, IReadOnlyDictionary<string, int> mounted, out IReadOnlyList<string> unmounted)
    {
        ArgumentNullException.ThrowIfNull(mounted);
        var grouped = Group(files).ToDictionary(d => d.Path, StringComparer.Ordinal);
        unmounted = [.. grouped.Keys.Where(d => !mounted.ContainsKey(d)).SelectMany(d => grouped[d].Files.Select(f => f.Path))];
        return [.. mounted.OrderBy(p => p.Value).Select(p => new FileDirectory(p.Value, p.Key, grouped.TryGetValue(p.Key, out var g) ? g.Files : []))];
    }

    /// <summary>The local driver's options for a directory's tmpfs volume.</summary>
    public static Dictionary<string, string> DriverOptions(FileDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var kib = (directory.SizeBytes + 1023) / 1024;
        var mode = directory.HasSecret ? "0700" : "0755";
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["type"] = "tmpfs",
            ["device"] = "tmpfs",
            ["o"] = string.Create(CultureInfo.InvariantCulture, $"size={kib}k,mode={mode},nosuid,nodev"),
        };
    }

    /// <summary>
    /// A tar (built in memory, never on disk) to extract at <see cref="HolderRoot"/>: each directory's files under
    /// "i/", owned by root with their own mode; a <paramref name="staging"/> name puts them under "i/&lt;staging&gt;/" instead.
    /// </summary>
    public static MemoryStream Archive(IReadOnlyList<FileDirectory> directories, string? staging, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(directories);
        var archive = new MemoryStream();
        using (var writer = new TarWriter(archive, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var directory in directories)
            {
                var prefix = directory.Index.ToString(CultureInfo.InvariantCulture) + "/";
                if (staging is not null)
                {
                    prefix += staging + "/";
                    writer.WriteEntry(Entry(TarEntryType.Directory, prefix, OwnerOnlyDirectory, time));
                }

                foreach (var file in directory.Files)
                {
                    var entry = Entry(TarEntryType.RegularFile, prefix + Split(file.Path).Name, (UnixFileMode)(file.Mode & 0xFFF), time);
                    entry.DataStream = new MemoryStream(file.Content.ToArray(), writable: false);
                    writer.WriteEntry(entry);
                }
            }
        }

        archive.Position = 0;
        return archive;
    }

    /// <summary>
    /// The holder's shell script that ends an update: in each directory, removes the files not staged, moves the staged
    /// ones over the current ones (rename: a reader sees the old file or the new one, never a mix), removes the stage.
    /// The pause image has only sh and sleep linked, so other tools run as busybox applets.
    /// </summary>
    public static string SwapScript(IEnumerable<FileDirectory> directories, string staging)
    {
        ArgumentNullException.ThrowIfNull(directories);
        ArgumentException.ThrowIfNullOrEmpty(staging);
        var script = new StringBuilder("set -e\n");
        foreach (var directory in directories)
        {
            script.Append("cd ").Append(HolderPath(directory.Index)).Append('\n')
                .Append("for f in $(/bin/busybox ls -A); do if [ \"$f\" != ").Append(staging)
                .Append(" ] && [ ! -e \"").Append(staging).Append("/$f\" ]; then /bin/busybox rm -rf \"$f\"; fi; done\n")
                .Append("for f in $(/bin/busybox ls -A ").Append(staging).Append("); do /bin/busybox mv -f \"")
                .Append(staging).Append("/$f\" \"$f\"; done\n")
                .Append("/bin/busybox rmdir ").Append(staging).Append('\n');
        }

        return script.ToString();
    }

    private static (string Directory, string Name) Split(string path)
    {
        if (string.IsNullOrEmpty(path) || path[0] != '/')
        {
            throw Invalid($"file path {path} is not absolute");
        }

        var slash = path.LastIndexOf('/');
        var directory = path[..slash].TrimEnd('/');
        var name = path[(slash + 1)..];
        if (name is "" or "." or ".." || name.StartsWith("..", StringComparison.Ordinal))
        {
            throw Invalid($"file path {path} does not end in a file name");
        }

        if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw Invalid($"file name of {path} is not a valid config key (alphanumeric characters, '-', '_' or '.')");
        }

        if (directory.Length == 0)
        {
            throw Invalid($"file path {path} is in the root directory, which cannot be a mount point");
        }

        return (directory, name);
    }

    private static PaxTarEntry Entry(TarEntryType type, string name, UnixFileMode mode, DateTimeOffset time) =>
        new(type, name) { Mode = mode, Uid = 0, Gid = 0, ModificationTime = time };

    private static ContainerRuntimeException Invalid(string message) => new(message) { Reason = "CreateContainerError" };
}
