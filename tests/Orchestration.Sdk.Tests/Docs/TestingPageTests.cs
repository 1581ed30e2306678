using System.Text.RegularExpressions;

namespace Orchestration.Sdk.Tests.Docs;

/// <summary>The code blocks of docs/testing.md are the bodies of the tests in <see cref="TestingGuideExamples"/>.</summary>
public partial class TestingPageTests
{
    [Fact]
    public void TestingPage_EachExampleBlock_IsTheBodyOfTheTestItNames()
    {
        var page = RepositoryFiles.Read("docs/testing.md").ReplaceLineEndings("\n");
        var source = RepositoryFiles.Read("tests/Orchestration.Sdk.Tests/Docs/TestingGuideExamples.cs").ReplaceLineEndings("\n");
        var blocks = ExampleBlock().Matches(page).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["code"].Value);
        var tests = typeof(TestingGuideExamples).GetMethods().Where(m => m.IsDefined(typeof(FactAttribute), false)).Select(m => m.Name).ToList();

        Assert.NotEmpty(tests);
        Assert.Equal(tests.Order(StringComparer.Ordinal), blocks.Keys.Order(StringComparer.Ordinal)); // every test shown, nothing else
        foreach (var (name, code) in blocks)
        {
            var body = Regex.Match(source, @"public async Task " + name + @"\(\)\n    \{\n(?<body>.*?)\n    \}\n", RegexOptions.Singleline);
            Assert.True(body.Success, $"{name} is not an async test method in TestingGuideExamples.cs");
            var dedented = string.Join('\n', body.Groups["body"].Value.Split('\n').Select(l => l.StartsWith("        ", StringComparison.Ordinal) ? l[8..] : l));
            Assert.True(dedented == code, $"docs/testing.md's block for {name} differs from the test; copy the test's body into the page.{Environment.NewLine}test:{Environment.NewLine}{dedented}{Environment.NewLine}page:{Environment.NewLine}{code}");
        }
    }

    [GeneratedRegex(@"<!-- example: (?<name>\w+) -->\n```csharp\n(?<code>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex ExampleBlock();
}
