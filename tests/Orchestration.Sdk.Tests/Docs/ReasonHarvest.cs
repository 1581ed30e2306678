using System.Text.RegularExpressions;

namespace Orchestration.Sdk.Tests.Docs;

/// <summary>
/// The condition types and reason strings written anywhere under src/, read from the source files: reasons are
/// literals at their call sites (as in Kubernetes), so the source is the one place that has them all. A literal counts
/// when it stands where a reason is written:
/// <list type="bullet">
/// <item>assigned to, or passed as, anything named <c>…reason…</c> (<c>Reason = "X"</c>, <c>reason: "X"</c>, <c>const string ReasonX = "X"</c>, <c>var reason = a ? "X" : "Y"</c>);</item>
/// <item>the first literal of an event (<c>.Normal(obj, "X", …)</c>, <c>.Warning(…)</c>, <c>Warn(…)</c>);</item>
/// <item>the reason of a condition (<c>new Condition(XConditionType.Y, status, "X", …)</c>);</item>
/// <item>a container's waiting reason (<c>new ContainerStateWaiting("X")</c>, <c>WaitingFor("X")</c>);</item>
/// <item>a (reason, message) pair (<c>("X", "some message")</c>, <c>(value, "X", "some message")</c>);</item>
/// <item>an API status reason after its HTTP code (<c>new(404, "NotFound", …)</c>) or under <c>["reason"]</c>, and the causes' <c>FieldValue…</c>;</item>
/// <item>the constants of the condition type classes (files named <c>…ConditionType.cs</c> or <c>…Conditions.cs</c>), but their messages.</item>
/// </list>
/// </summary>
internal static partial class ReasonHarvest
{
    private const string Literal = "\"(?<r>[A-Z][A-Za-z]+)\"";

    private static readonly Regex[] Patterns =
    [
        new(@"\b(?:Normal|Warning|Warn)\([^""\n]*?" + Literal),
        new(@"new(?:\s+Condition)?\(\s*\w+Condition(?:Type|s)\.\w+,[^,]+,\s*" + Literal),
        new(@"(?:ContainerStateWaiting|WaitingFor)\(\s*" + Literal),
        new(@"\(\s*(?:\w+,\s*)?" + Literal + @",\s*\$?""[a-z][^""]* "),
        new(@"\(\s*(?:context,\s*)?[1-5]\d\d,\s*" + Literal),
        new(@"\[""reason""\]\s*=\s*" + Literal),
        new(@"""(?<r>FieldValue[A-Za-z]+)"""),
    ];

    /// <summary>Something named reason, assigned or passed: every literal after it on the line is a reason it may take.</summary>
    private static readonly Regex Named = new(@"\b\w*[Rr]eason\w*\s*(?:=(?!=)|:)(?<rest>.*)");

    private static readonly Regex AnyLiteral = new(Literal);

    private static readonly Regex ConditionConstant = new(@"const string (?<n>\w+) = " + Literal);

    /// <summary>Each reason or condition type found, with the first place it was found ("src/…/File.cs:12").</summary>
    public static IReadOnlyDictionary<string, string> Collect()
    {
        var found = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var src = Path.Combine(RepositoryFiles.Root, "src");
        var files = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var conditionTypes = ConditionFile().IsMatch(Path.GetFileName(file));
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                if (line.TrimStart().StartsWith("//", StringComparison.Ordinal))
                {
                    continue;
                }

                var where = $"{Path.GetRelativePath(RepositoryFiles.Root, file).Replace('\\', '/')}:{i + 1}";
                void Add(string reason) => found.TryAdd(reason, where);

                foreach (var pattern in Patterns)
                {
                    foreach (Match m in pattern.Matches(line))
                    {
                        Add(m.Groups["r"].Value);
                    }
                }

                foreach (Match named in Named.Matches(line))
                {
                    foreach (Match m in AnyLiteral.Matches(named.Groups["rest"].Value))
                    {
                        Add(m.Groups["r"].Value);
                    }
                }

                if (conditionTypes && ConditionConstant.Match(line) is { Success: true } c && !c.Groups["n"].Value.EndsWith("Message", StringComparison.Ordinal))
                {
                    Add(c.Groups["r"].Value);
                }
            }
        }

        return found;
    }

    [GeneratedRegex(@"Condition(?:Type|s)\.cs$")]
    private static partial Regex ConditionFile();
}
