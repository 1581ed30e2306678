using System.Text;

namespace Orchestration.Sdk.Secrets;

/// <summary>
/// The encryption key of a persistent store when no key is configured: one base64 line in <c>&lt;store file&gt;.key</c>,
/// created with owner-only permissions (0600) on first start and read back on every later start, so the Secrets a host
/// wrote can be read by the next one. The key is named "local".
/// </summary>
internal static class StoreKeyFile
{
    /// <summary>The name of the key kept in the file.</summary>
    public const string KeyName = "local";

    /// <summary>The key file of the store at <paramref name="storePath"/>.</summary>
    public static string PathFor(string storePath) => Path.GetFullPath(storePath) + ".key";

    /// <summary>Reads the key at <paramref name="path"/>, creating it (0600) when the file does not exist.</summary>
    /// <exception cref="OrchestrationException">The file exists but does not hold a base64 32-byte key.</exception>
    public static SecretEncryptionKey LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            var created = SecretEncryptionKey.CreateRandom(KeyName);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            try
            {
                using var file = new FileStream(path, OwnerOnly(FileMode.CreateNew));
                file.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(created.Key) + "\n"));
                file.Flush(flushToDisk: true);
                return created;
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first: use theirs.
            }
        }

        var text = File.ReadAllText(path).Trim();
        try
        {
            return SecretEncryptionKey.FromBase64(KeyName, text);
        }
        catch (ArgumentException ex)
        {
            throw new OrchestrationException(
                $"the store's encryption key file {path} must hold the base64 encoding of {SecretEncryptionKey.KeySizeInBytes} bytes on one line; restore it from a backup or configure SecretEncryptionOptions.Keys",
                ex);
        }
    }

    /// <summary>File options that create the file readable and writable by its owner only (0600) where the OS has modes.</summary>
    public static FileStreamOptions OwnerOnly(FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return options;
    }
}
