using System.Text;
using k8s.Models;
using Orchestration.Sdk.Configuration;
using static Orchestration.Sdk.Kubernetes.Wire.MetaMapper;

namespace Orchestration.Sdk.Kubernetes.Wire;

/// <summary>Maps ConfigMaps and Secrets. A Secret's <c>stringData</c> is merged into <c>data</c>, as the API server does.</summary>
internal static class ConfigMapper
{
    public static V1ConfigMap ToWire(ConfigMap c) => new()
    {
        ApiVersion = "v1",
        Kind = ConfigMap.KindName,
        Metadata = MetaMapper.ToWire(c.Metadata, namespaced: true),
        Data = Map(c.Data),
    };

    public static ConfigMap FromWire(V1ConfigMap c) => new()
    {
        Metadata = MetaMapper.FromWire(c.Metadata, namespaced: true),
        Data = Map(c.Data),
    };

    public static V1Secret ToWire(Secret s) => new()
    {
        ApiVersion = "v1",
        Kind = Secret.KindName,
        Metadata = MetaMapper.ToWire(s.Metadata, namespaced: true),
        Type = s.Type,
        Data = s.Data.Count == 0 ? null : s.Data.ToDictionary(p => p.Key, p => p.Value.GetBytes(), StringComparer.Ordinal),
    };

    public static Secret FromWire(V1Secret s)
    {
        var data = new Dictionary<string, SecretValue>(StringComparer.Ordinal);
        foreach (var (key, value) in s.Data ?? new Dictionary<string, byte[]>())
        {
            data[key] = SecretValue.FromBytes(value);
        }

        foreach (var (key, value) in s.StringData ?? new Dictionary<string, string>())
        {
            data[key] = SecretValue.FromBytes(Encoding.UTF8.GetBytes(value));
        }

        return new Secret
        {
            Metadata = MetaMapper.FromWire(s.Metadata, namespaced: true),
            Type = string.IsNullOrEmpty(s.Type) ? Secret.OpaqueType : s.Type,
            Data = data,
        };
    }
}
