using System.Reflection;

namespace Orchestration.Sdk.Tests.Docs;

/// <summary>docs/concepts.md names every kind the SDK has, its model type and every way to declare one.</summary>
public class ConceptsPageTests
{
    [Fact]
    public void ConceptsPage_EveryBuiltInKind_IsInTheKindTableWithItsModelType()
    {
        var page = RepositoryFiles.Read("docs/concepts.md");
        var kinds = Orchestration.Sdk.Kinds.BuiltIn.BuiltInRules.Create().Select(r => r.Kind).ToList();
        var models = typeof(AppDeclaration).Assembly.GetTypes()
            .Select(t => (Type: t, Field: t.GetField("KindName", BindingFlags.Public | BindingFlags.Static)))
            .Where(x => x.Field is { IsLiteral: true })
            .ToDictionary(x => (string)x.Field!.GetRawConstantValue()!, x => x.Type);

        Assert.NotEmpty(kinds);
        Assert.All(kinds, kind =>
        {
            Assert.True(page.Contains($"\n| {kind} |", StringComparison.Ordinal), $"docs/concepts.md has no row for the kind {kind}");
            Assert.True(models.TryGetValue(kind, out var model), $"no model type with KindName \"{kind}\"");
            Assert.True(page.Contains($"`{model!.Name}` (`{model.Namespace}`)", StringComparison.Ordinal),
                $"docs/concepts.md does not name {kind}'s model type as `{model.Name}` (`{model.Namespace}`)");
        });
    }

    [Fact]
    public void ConceptsPage_EveryDeclarationMethod_IsOnThePage()
    {
        var page = RepositoryFiles.Read("docs/concepts.md");
        var adds = typeof(AppDeclaration).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.Name.StartsWith("Add", StringComparison.Ordinal)).Select(m => m.Name).Distinct().ToList();

        Assert.Contains("AddDeployment", adds);
        Assert.All(adds, add => Assert.True(page.Contains($"app.{add}(", StringComparison.Ordinal), $"docs/concepts.md does not show app.{add}(…)"));
    }
}
