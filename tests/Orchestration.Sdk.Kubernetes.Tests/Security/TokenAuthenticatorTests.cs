using Orchestration.Sdk.Kubernetes.Hosting;
using Orchestration.Sdk.Kubernetes.Security;

namespace Orchestration.Sdk.Kubernetes.Tests.Security;

public sealed class TokenAuthenticatorTests
{
    private readonly TokenAuthenticator _authenticator = new("admin-token-0123456789", "reader-token-0123456789");

    [Theory]
    [InlineData("Bearer admin-token-0123456789", "Admin")]
    [InlineData("bearer reader-token-0123456789", "ReadOnly")]
    [InlineData("Bearer admin-token-012345678", "None")]
    [InlineData("Basic YWRtaW46YWRtaW4=", "None")]
    [InlineData(null, "None")]
    public void Authenticate_Header_GivesAccess(string? header, string expected) =>
        Assert.Equal(expected, _authenticator.Authenticate(header).ToString());

    [Fact]
    public void NewToken_TwoCalls_AreLongAndDifferent()
    {
        var a = TokenAuthenticator.NewToken();

        Assert.True(a.Length >= 40);
        Assert.NotEqual(a, TokenAuthenticator.NewToken());
    }

    [Fact]
    public void Validate_BadOptions_NamesEachOptionWithoutTheTokenValue()
    {
        var result = new KubernetesApiOptionsValidator().Validate(null, new KubernetesApiOptions { Port = 70000, ListenAddress = "localhost", AdminToken = "short" });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("KubernetesApi.Port: Invalid value: 70000", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("KubernetesApi.ListenAddress", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("KubernetesApi.AdminToken", StringComparison.Ordinal) && !f.Contains("short", StringComparison.Ordinal));
    }
}
