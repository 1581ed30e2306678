using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Controllers.Engine;

/// <summary>Generated names and hashes, in Kubernetes' alphabet (no vowels, no look-alike digits).</summary>
internal static class Names
{
    private const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";

    /// <summary>
    /// "web-7c9d5" style, as the API server's generateName (names.SimpleNameGenerator): the prefix <c>base-</c>, cut to
    /// 63 − <paramref name="length"/> characters when longer, then <paramref name="length"/> random characters, so the
    /// name is at most 63 characters whatever the base's length.
    /// </summary>
    public static string Generate(string baseName, int length = 5)
    {
        Span<char> suffix = stackalloc char[length];
        for (var i = 0; i < length; i++)
        {
            suffix[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        var prefix = baseName + "-";
        if (prefix.Length > 63 - length)
        {
            prefix = prefix[..(63 - length)];
        }

        return $"{prefix}{suffix}";
    }

    /// <summary>
    /// A stable hash of an object's JSON, encoded in the safe alphabet (the pod-template-hash label). The JSON is
    /// canonical: the model's maps are <see cref="Model.ValueMap{TValue}"/>s, which serialize their keys sorted, so the
    /// order labels or data were declared in does not change the hash.
    /// </summary>
    public static string Hash(PodTemplateSpec template) => Hash(JsonSerializer.SerializeToUtf8Bytes(template, ModelJsonContext.Default.PodTemplateSpec));

    /// <summary>A stable hash of a string's JSON (a quoted string), encoded as <see cref="Hash(PodTemplateSpec)"/>.</summary>
    public static string Hash(string value) => Hash(JsonSerializer.SerializeToUtf8Bytes(value, ModelJsonContext.Default.String));

    private static string Hash(byte[] json)
    {
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
