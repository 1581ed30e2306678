using System.Formats.Tar;
using System.Text;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker.Tests.Unit;

public sealed class DockerFileMountsTests
{
    private static readonly DateTimeOffset Time = new(2026, 11, 24, 21, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Group_FilesInSeveralDirectories_OneDirectoryEachInOrdinalOrder()
    {
        var groups = DockerFileMounts.Group([File("/run/secrets/db/password", secret: true), File("/etc/app/mode"), File("/etc/app/extra"), File("/run/secrets/db/user", secret: true)]);

        Assert.Equal(["/etc/app", "/run/secrets/db"], groups.Select(g => g.Path));
        Assert.Equal([0, 1], groups.Select(g => g.Index));
        Assert.Equal(["/etc/app/mode", "/etc/app/extra"], groups[0].Files.Select(f => f.Path));
        Assert.False(groups[0].HasSecret);
        Assert.True(groups[1].HasSecret);
    }

    [Theory]
    [InlineData("relative/path", "not absolute")]
    [InlineData("/password", "root directory")]
    [InlineData("/etc/app/", "does not end in a file name")]
    [InlineData("/etc/app/..data", "does not end in a file name")]
    [InlineData("/etc/app/$(reboot)", "not a valid config key")]
    public void Group_UnmountablePath_ThrowsCreateContainerErrorNamingIt(string path, string expected)
    {
        var e = Assert.Throws<ContainerRuntimeException>(() => DockerFileMounts.Group([File(path)]));

        Assert.Equal("CreateContainerError", e.Reason);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Group_SamePathTwice_Throws()
    {
        var e = Assert.Throws<ContainerRuntimeException>(() => DockerFileMounts.Group([File("/etc/app/a"), File("/etc/app/a")]));

        Assert.Contains("given twice", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, 0, "size=4096k,mode=0700,nosuid,nodev")]
    [InlineData(false, 0, "size=4096k,mode=0755,nosuid,nodev")]
    [InlineData(false, 2 * 1024 * 1024, "size=6144k,mode=0755,nosuid,nodev")]
    public void DriverOptions_Directory_TmpfsSizedAndOwnerOnlyWhenSecret(bool secret, int length, string expected)
    {
        var directory = new FileDirectory(0, "/etc/app", [File("/etc/app/a", secret, new byte[length])]);

        var options = DockerFileMounts.DriverOptions(directory);

        Assert.Equal("tmpfs", options["type"]);
        Assert.Equal("tmpfs", options["device"]);
        Assert.Equal(expected, options["o"]);
    }

    [Fact]
    public void Archive_Files_EntriesUnderIndexOwnedByRootWithTheirModeAndContent()
    {
        var directories = DockerFileMounts.Group([File("/run/secrets/db/password", secret: true, "s3cret"u8.ToArray(), mode: "400"), File("/etc/app/mode", content: "blue"u8.ToArray())]);

        var entries = ReadAll(DockerFileMounts.Archive(directories, staging: null, Time));

        Assert.Equal(["0/mode", "1/password"], entries.Select(e => e.Name));
        var password = entries[1];
        Assert.Equal(UnixFileMode.UserRead, password.Mode);
        Assert.Equal(0, password.Uid);
        Assert.Equal(0, password.Gid);
        Assert.Equal("s3cret", password.Content);
        Assert.Equal(Convert.ToInt32("644", 8), (int)entries[0].Mode);
        Assert.Equal("blue", entries[0].Content);
    }

    [Fact]
    public void Archive_Staged_OwnerOnlyStagingDirectoryThenFiles_EvenForAnEmptyDirectory()
    {
        var directories = new[] { new FileDirectory(0, "/etc/app", [File("/etc/app/mode")]), new FileDirectory(3, "/etc/other", []) };

        var entries = ReadAll(DockerFileMounts.Archive(directories, "..staging-1", Time));

        Assert.Equal(["0/..staging-1/", "0/..staging-1/mode", "3/..staging-1/"], entries.Select(e => e.Name));
        Assert.Equal(TarEntryType.Directory, entries[0].Type);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, entries[2].Mode);
    }

    [Fact]
    public void MapToMounted_NewFileSet_EveryMountedDirectoryWithItsFilesAndUnmountedReported()
    {
        var mounted = new Dictionary<string, int> { ["/etc/app"] = 1, ["/etc/gone"] = 0 };

        var mapped = DockerFileMounts.MapToMounted([File("/etc/app/mode"), File("/etc/new/x")], mounted, out var unmounted);

        Assert.Equal([(0, "/etc/gone", 0), (1, "/etc/app", 1)], mapped.Select(d => (d.Index, d.Path, d.Files.Count)));
        Assert.Equal(["/etc/new/x"], unmounted);
    }

    [Fact]
    public void SwapScript_Directories_WorksInEachHolderPathAndOnlyThroughBusybox()
    {
        var script = DockerFileMounts.SwapScript([new FileDirectory(0, "/etc/app", []), new FileDirectory(2, "/etc/b", [])], "..staging-1");

        Assert.StartsWith("set -e\n", script, StringComparison.Ordinal);
        Assert.Contains("cd /files/0\n", script, StringComparison.Ordinal);
        Assert.Contains("cd /files/2\n", script, StringComparison.Ordinal);
        Assert.Contains("/bin/busybox mv -f \"..staging-1/$f\" \"$f\"", script, StringComparison.Ordinal);
        Assert.Contains("/bin/busybox rmdir ..staging-1\n", script, StringComparison.Ordinal);
    }

    [Fact]
    public void FileDirectory_ToString_NeverShowsContent()
    {
        var directory = new FileDirectory(0, "/run/secrets", [File("/run/secrets/password", secret: true, "hunter2"u8.ToArray())]);

        Assert.DoesNotContain("hunter2", directory.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", string.Join(',', directory.Files), StringComparison.Ordinal);
    }

    private static ContainerFile File(string path, bool secret = false, byte[]? content = null, string mode = "644") =>
        new() { Path = path, Content = content ?? [], IsSecret = secret, Mode = Convert.ToInt32(mode, 8) };

    private static List<(string Name, TarEntryType Type, UnixFileMode Mode, int Uid, int Gid, string Content)> ReadAll(Stream archive)
    {
        var entries = new List<(string, TarEntryType, UnixFileMode, int, int, string)>();
        using var reader = new TarReader(archive);
        while (reader.GetNextEntry() is { } entry)
        {
            using var content = new MemoryStream();
            entry.DataStream?.CopyTo(content);
            entries.Add((entry.Name, entry.EntryType, entry.Mode, entry.Uid, entry.Gid, Encoding.UTF8.GetString(content.ToArray())));
        }

        return entries;
    }
}
