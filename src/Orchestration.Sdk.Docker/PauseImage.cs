using System.Formats.Tar;
using System.Text;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker;

/// <summary>
/// The image of pod sandboxes: FROM scratch plus a static busybox, whose shell sleeps until SIGTERM. Built locally
/// when missing (no registry), once per runtime.
/// </summary>
internal sealed class PauseImage
{
    /// <summary>The sandbox's process: wait forever, exit 0 on SIGTERM or SIGINT.</summary>
    public const string Script = "trap 'exit 0' TERM INT; while :; do sleep 3600 & wait; done";

    private readonly string _image;
    private readonly string _busyboxPath;
    private readonly DockerImages _images;
    private readonly DockerImageBuildClient _builds;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _present;

    public PauseImage(string image, string busyboxPath, DockerImages images, DockerImageBuildClient builds)
    {
        _image = image;
        _busyboxPath = busyboxPath;
        _images = images;
        _builds = builds;
    }

    /// <summary>The image name.</summary>
    public string Name => _image;

    /// <summary>Builds the image unless the engine has it.</summary>
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (_present)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_present && !await _images.ExistsAsync(_image, cancellationToken).ConfigureAwait(false))
            {
                if (!File.Exists(_busyboxPath))
                {
                    throw new ContainerRuntimeException(
                        $"pause image {_image} is missing and cannot be built: {_busyboxPath} not found "
                        + "(install Debian's busybox-static, or set DockerRuntimeOptions.BusyboxPath or PauseImage)")
                    {
                        Reason = "CreatePodSandboxError",
                    };
                }

                var archive = await CreateContextAsync(_busyboxPath, cancellationToken).ConfigureAwait(false);
                await _builds.BuildFromArchiveAsync(archive, _image, _busyboxPath, cancellationToken).ConfigureAwait(false);
            }

            _present = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A build context: a Dockerfile, bin/busybox and the applet links the script needs.</summary>
    internal static async Task<byte[]> CreateContextAsync(string busyboxPath, CancellationToken cancellationToken)
    {
        var dockerfile = "FROM scratch\nCOPY bin/ /bin/\nENTRYPOINT [\"/bin/sh\", \"-c\", \"" + Script + "\"]\n";
        using var archive = new MemoryStream();
        var writer = new TarWriter(archive, TarEntryFormat.Pax, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            var file = new PaxTarEntry(TarEntryType.RegularFile, "Dockerfile")
            {
                DataStream = new MemoryStream(Encoding.UTF8.GetBytes(dockerfile)),
            };
            await writer.WriteEntryAsync(file, cancellationToken).ConfigureAwait(false);
            await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, "bin/"), cancellationToken).ConfigureAwait(false);
            var busybox = File.OpenRead(busyboxPath);
            await using (busybox.ConfigureAwait(false))
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, "bin/busybox")
                {
                    DataStream = busybox,
                    Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute,
                };
                await writer.WriteEntryAsync(entry, cancellationToken).ConfigureAwait(false);
            }

            foreach (var applet in new[] { "sh", "sleep" })
            {
                var link = new PaxTarEntry(TarEntryType.SymbolicLink, "bin/" + applet) { LinkName = "busybox" };
                await writer.WriteEntryAsync(link, cancellationToken).ConfigureAwait(false);
            }
        }

        return archive.ToArray();
    }
}
