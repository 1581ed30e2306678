namespace Orchestration.Sdk.Tests.Docs;

/// <summary>Files of the repository the tests run from (the folder above the test's output holding Orchestration.Sdk.sln).</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir.FullName, "Orchestration.Sdk.sln")))
        {
            dir = dir.Parent ?? throw new InvalidOperationException("the repository root (Orchestration.Sdk.sln) is not above the test's folder");
        }

        return dir.FullName;
    }
}
