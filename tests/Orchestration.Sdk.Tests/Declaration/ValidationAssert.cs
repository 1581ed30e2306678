using Orchestration.Sdk.Declaration;

namespace Orchestration.Sdk.Tests.Declaration;

/// <summary>The assertions the table-driven validation tests share.</summary>
internal static class ValidationAssert
{
    /// <summary>Exactly <paramref name="expected"/>, in order; a failure names the case and lists what came instead.</summary>
    public static void ReportsExactly(string problem, IReadOnlyList<ValidationError> errors, string[] expected) =>
        Assert.True(expected.SequenceEqual(errors.Select(e => e.ToString())), $"{problem}:\n{string.Join("\n", errors)}");

    /// <summary>Building the declaration throws with exactly <paramref name="expected"/>, each on its own line of the message.</summary>
    public static void BuildThrowsExactly(Action<AppDeclaration> declare, string[] expected)
    {
        var app = new AppDeclaration();
        declare(app);

        var ex = Assert.Throws<DeclarationValidationException>(() => app.Build());

        Assert.Equal(expected, ex.Errors.Select(e => e.ToString()));
        Assert.All(expected, line => Assert.Contains("\n" + line, ex.Message, StringComparison.Ordinal));
    }
}
