using Orchestration.Sdk.Kinds;
using Orchestration.Sdk.Kubernetes.Discovery;

namespace Orchestration.Sdk.Kubernetes.Tests.Server;

/// <summary>The API's kind table agrees with the core's public KindRegistry, which the API validates and stores through.</summary>
public sealed class ApiKindsRegistryTests
{
    public static TheoryData<string, string> StoredKinds()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in ApiKinds.All.Where(k => k.Stored))
        {
            data.Add(kind.Kind, kind.ApiVersion);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StoredKinds))]
    public void StoredKind_IsRegisteredWithTheSameNamesAndScope(string kind, string apiVersion)
    {
        var api = ApiKinds.All.Single(k => k.Kind == kind && k.ApiVersion == apiVersion);

        var rule = KindRegistry.CreateDefault().Get(kind);

        Assert.Equal((api.Plural, api.Namespaced), (rule.Plural, rule.Namespaced));
        Assert.Equal(api.Kind, rule.Kind);
    }
}
