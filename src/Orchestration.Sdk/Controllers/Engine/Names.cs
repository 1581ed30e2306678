using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Orchestration.Sdk.Controllers.Engine;

/// <summary>Generated names and hashes, in Kubernetes' alphabet (no vowels, no look-alike digits).</summary>
internal static class Names
{
    private const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";

    /// <summary>"web-7c9d5" style: the base, a dash and <paramref name="length"/> random characters.</summary>
    public static string Generate(string baseName, int length = 5)
    {
        Span<char> suffix = stackalloc char[length];
        for (var i = 0; i < length; i++)
        {
            suffix[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        var prefix = baseName.Length > 63 - length - 1 ? baseName[..(63 - length - 1)] : baseName;
        return $"{prefix}-{suffix}";
    }

    /// <summary>
    /// A stable hash of an object's JSON, encoded in the safe alphabet (the pod-template-hash label). The JSON is
    /// canonical: the model's maps are <see cref="Model.ValueMap{TValue}"/>s, which serialize their keys sorted, so the
    /// order labels or data were declared in does not change the hash.
    /// </summary>
    public static string Hash(object value)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType());
        uint hash = 2166136261;
        foreach (var b in json)
        {
            hash = (hash ^ b) * 16777619;
        }

        var sb = new StringBuilder();
        var v = (ulong)hash;
        do
        {
            sb.Append(Alphabet[(int)(v % (ulong)Alphabet.Length)]);
            v /= (ulong)Alphabet.Length;
        }
        while (v > 0);
        return sb.ToString();
    }
}
