using System.Reflection;
using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Diagnostics;
using Orchestration.Sdk.Kubernetes.Hosting;

namespace Orchestration.Sdk.Docker.Tests.Unit;

/// <summary>
/// Every [LoggerMessage] of the SDK's assemblies (this project references the three that log) has an explicit
/// EventId, unique across the SDK and inside its assembly's documented range (docs/observability.md#logs).
/// </summary>
public sealed class LoggerMessageEventIdTests
{
    private const BindingFlags AllMethods = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;

    private static readonly (Assembly Assembly, int Low, int High)[] SdkAssemblies =
    [
        (typeof(OrchestrationTelemetry).Assembly, 1000, 2999),
        (typeof(DockerRuntimeOptions).Assembly, 3000, 3999),
        (typeof(IKubernetesApi).Assembly, 4000, 4999),
    ];

    public static TheoryData<string, int, int> Ranges
    {
        get
        {
            var data = new TheoryData<string, int, int>();
            foreach (var (assembly, low, high) in SdkAssemblies)
            {
                data.Add(assembly.GetName().Name!, low, high);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Ranges))]
    public void LoggerMessages_OfAssembly_HaveExplicitEventIdsInItsRange(string assemblyName, int low, int high)
    {
        var messages = LoggerMessages(Assembly.Load(assemblyName));

        Assert.NotEmpty(messages);
        Assert.Empty(messages.Where(m => m.EventId < low || m.EventId > high).Select(m => $"{m.Method}: EventId {m.EventId} is not in {low}..{high}"));
    }

    [Fact]
    public void LoggerMessages_OfTheSdk_HaveNoDuplicateEventId()
    {
        var all = SdkAssemblies.SelectMany(a => LoggerMessages(a.Assembly)).ToList();

        var duplicates = all.GroupBy(m => m.EventId).Where(g => g.Count() > 1).Select(g => $"EventId {g.Key}: {string.Join(", ", g.Select(m => m.Method))}");
        Assert.Empty(duplicates);
        Assert.True(all.Count > 90, $"only {all.Count} [LoggerMessage] methods found: is the reflection still finding them?");
    }

    private static List<(string Method, int EventId)> LoggerMessages(Assembly assembly) =>
        [.. assembly.GetTypes()
            .SelectMany(t => t.GetMethods(AllMethods).Select(m => (Type: t, Method: m, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>())))
            .Where(x => x.Attribute is not null)
            .Select(x => ($"{x.Type.FullName}.{x.Method.Name}", x.Attribute!.EventId))];
}
