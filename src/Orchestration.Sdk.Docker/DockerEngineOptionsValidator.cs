using System.Globalization;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Docker;

/// <summary>The rules of <see cref="DockerRuntimeOptions.Engines"/>, part of <see cref="DockerRuntimeOptionsValidator"/>.</summary>
internal static class DockerEngineOptionsValidator
{
    public static void Validate(IList<DockerEngineOptions> engines, List<string> failures)
    {
        ArgumentNullException.ThrowIfNull(engines);
        ArgumentNullException.ThrowIfNull(failures);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < engines.Count; i++)
        {
            var engine = engines[i];
            var path = string.Create(CultureInfo.InvariantCulture, $"{nameof(DockerRuntimeOptions)}.{nameof(DockerRuntimeOptions.Engines)}[{i}]");
            void Check(bool valid, string option, object? value, string rule)
            {
                if (!valid)
                {
                    failures.Add(string.Create(CultureInfo.InvariantCulture, $"{path}.{option}: Invalid value: \"{value}\": {rule}"));
                }
            }

            Check(IsDnsSubdomain(engine.Name), nameof(engine.Name), engine.Name,
                "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character");
            Check(names.Add(engine.Name ?? string.Empty), nameof(engine.Name), engine.Name, "Duplicate value: another engine has this name");
            Uri? endpoint = null;
            try
            {
                endpoint = DockerEndpoint.Resolve(engine.Endpoint, _ => null);
            }
            catch (ArgumentException e)
            {
                Check(false, nameof(engine.Endpoint), engine.Endpoint, e.Message);
            }

            Check(engine.Cpu is null || Quantity.TryParse(engine.Cpu, out _), nameof(engine.Cpu), engine.Cpu, "must be a quantity (\"4\", \"3500m\")");
            Check(engine.Memory is null || Quantity.TryParse(engine.Memory, out _), nameof(engine.Memory), engine.Memory, "must be a quantity (\"8Gi\")");
            if (engine.TlsCertificateDirectory is { } tls)
            {
                Check(endpoint is null || endpoint.Scheme is "tcp" or "https", nameof(engine.TlsCertificateDirectory), tls,
                    "TLS needs a tcp:// or https:// endpoint");
                foreach (var file in (string[])["cert.pem", "key.pem"])
                {
                    Check(File.Exists(Path.Combine(tls, file)), nameof(engine.TlsCertificateDirectory), tls, $"must hold {file} (the client certificate and its key)");
                }
            }
        }
    }

    private static bool IsDnsSubdomain(string? value) =>
        value is { Length: > 0 and <= 253 }
        && value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.')
        && char.IsAsciiLetterOrDigit(value[0]) && char.IsAsciiLetterOrDigit(value[^1]);
}
