using Microsoft.Extensions.Configuration;
using Orchestration.Sdk.Declaration;

namespace Orchestration.Sdk.Configuration;

/// <summary>
/// Records the sources of a ConfigMap's or Secret's values (literals, files, <see cref="IConfiguration"/>) and reads
/// them when the declaration is built, reporting a missing file or configuration value and a key given twice. Messages
/// name keys, files and configuration paths, never values.
/// </summary>
internal sealed class ConfigDataRecorder
{
    private readonly List<Func<FieldPath, List<ValidationError>, IEnumerable<KeyValuePair<string, byte[]>>>> _sources = [];

    public Dictionary<string, string> Labels { get; } = new(StringComparer.Ordinal);

    public void AddLiteral(string key, byte[] value)
    {
        ArgumentNullException.ThrowIfNull(key);
        _sources.Add((_, _) => [new(key, value)]);
    }

    public void AddFile(string path, string? key)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = key ?? Path.GetFileName(path);
        _sources.Add((data, errors) =>
        {
            try
            {
                return [new(name, File.ReadAllBytes(path))];
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                errors.Add(FieldErrors.Invalid(ConfigDataValidator.KeyPath(data, name), path, ex is FileNotFoundException or DirectoryNotFoundException ? "no such file or directory" : "the file cannot be read"));
                return [];
            }
        });
    }

    public void AddConfiguration(IConfiguration configuration, string path, string? key)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(path);
        var name = key ?? path[(path.LastIndexOf(':') + 1)..];
        _sources.Add((data, errors) =>
        {
            if (configuration[path] is { } value)
            {
                return [new(name, System.Text.Encoding.UTF8.GetBytes(value))];
            }

            errors.Add(FieldErrors.Required(ConfigDataValidator.KeyPath(data, name), $"the configuration has no value at \"{path}\""));
            return [];
        });
    }

    public void AddConfigurationSection(IConfiguration configuration, string section)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(section);
        _sources.Add((data, errors) =>
        {
            var found = configuration.GetSection(section).AsEnumerable(makePathsRelative: true)
                .Where(p => p.Value is not null)
                .Select(p => new KeyValuePair<string, byte[]>(p.Key.Replace(':', '.'), System.Text.Encoding.UTF8.GetBytes(p.Value!)))
                .ToList();
            if (found.Count == 0)
            {
                errors.Add(FieldErrors.Required(data, $"the configuration has no values under \"{section}\""));
            }

            return found;
        });
    }

    /// <summary>Reads every source; a key given twice is reported (the first value is kept).</summary>
    public Dictionary<string, byte[]> Build(FieldPath data, List<ValidationError> errors)
    {
        var result = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var source in _sources)
        {
            foreach (var (key, value) in source(data, errors))
            {
                if (!result.TryAdd(key, value))
                {
                    errors.Add(FieldErrors.Duplicate(ConfigDataValidator.KeyPath(data, key), key));
                }
            }
        }

        return result;
    }
}
