namespace Escalation.Tests.Shared;

/// <summary>Compiled into each test project: the repository's folder, found upwards from the test binaries.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(System.IO.Path.Combine(folder.FullName, "Escalation.sln")))
        {
            folder = folder.Parent ?? throw new InvalidOperationException("The repository root (Escalation.sln) was not found.");
        }

        return folder.FullName;
    }
}
