using System.Security.Cryptography;
using System.Text;

namespace Orchestration.Sdk.Kubernetes.Security;

/// <summary>What a bearer token lets its holder do.</summary>
internal enum ApiAccess
{
    /// <summary>No valid token: 401.</summary>
    None,

    /// <summary>get, list and watch (and reading logs); every write is 403.</summary>
    ReadOnly,

    /// <summary>Everything.</summary>
    Admin,
}

/// <summary>
/// Checks bearer tokens in constant time: both sides are hashed to a fixed length first, so neither the content nor the
/// length of a token leaks through timing (<see cref="CryptographicOperations.FixedTimeEquals"/>). Tokens are never logged.
/// </summary>
internal sealed class TokenAuthenticator(string adminToken, string readOnlyToken)
{
    private readonly byte[] _admin = Hash(adminToken);
    private readonly byte[] _readOnly = Hash(readOnlyToken);

    public ApiAccess Authenticate(string? authorizationHeader)
    {
        const string Bearer = "Bearer ";
        if (authorizationHeader is null || !authorizationHeader.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            return ApiAccess.None;
        }

        var presented = Hash(authorizationHeader[Bearer.Length..].Trim());
        var isAdmin = CryptographicOperations.FixedTimeEquals(presented, _admin);
        var isReadOnly = CryptographicOperations.FixedTimeEquals(presented, _readOnly);
        return isAdmin ? ApiAccess.Admin : isReadOnly ? ApiAccess.ReadOnly : ApiAccess.None;
    }

    /// <summary>A new random token: 32 bytes, base64url.</summary>
    public static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
