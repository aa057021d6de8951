using System.Diagnostics;
using Escalation.Tests.Shared;

namespace Escalation.Api.Tests.Deployment;

/// <summary>
/// A service published by the dotnet commands of its Dockerfile, into a folder of its own that stands for the image's
/// output folder, and started as the image starts it: the entry point in that folder, as the image's (non-root) user,
/// with no environment but the base image's and the variables given.
/// </summary>
internal sealed class PublishedService
{
    /// <summary>What the .NET runtime image (<c>mcr.microsoft.com/dotnet/aspnet:10.0</c>) sets and our images rely on.</summary>
    private static readonly Dictionary<string, string> BaseImageEnvironment = new()
    {
        ["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        ["APP_UID"] = "1654",
        ["ASPNETCORE_HTTP_PORTS"] = "8080",
        ["DOTNET_RUNNING_IN_CONTAINER"] = "true",
    };

    private readonly string home;

    private PublishedService(ImageDefinition image, string folder)
    {
        Image = image;
        Folder = folder;
        home = System.IO.Directory.CreateDirectory(Path.Combine(folder, "..", Path.GetFileName(folder) + "-home")).FullName;

        // The image's user owns its home there; here any user may write to this one (test files only).
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The images are Linux images.");
        }

        File.SetUnixFileMode(home, (UnixFileMode)0b1_111_111_111);
    }

    public ImageDefinition Image { get; }

    public string Folder { get; }

    /// <summary>The numeric user the image runs as (its <c>USER</c>, resolved in the base image's environment).</summary>
    public int UserId => int.Parse(Image.User.StartsWith('$') ? BaseImageEnvironment[Image.User[1..]] : Image.User, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Runs the Dockerfile's dotnet commands from the repository root, writing the image's output folder to <paramref name="folder"/>.</summary>
    public static async Task<PublishedService> Publish(string dockerfile, string folder)
    {
        var image = ImageDefinition.Read(Path.Combine(RepositoryRoot.Path, dockerfile));
        foreach (var command in image.DotnetCommands)
        {
            var info = new ProcessStartInfo("dotnet", command.Skip(1).Select(word => word == image.Output ? folder : word))
            {
                WorkingDirectory = RepositoryRoot.Path,
            };

            // The test host's own MSBuild settings would leak into the nested build.
            foreach (var name in info.Environment.Keys.Where(name => name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                info.Environment.Remove(name);
            }

            using var build = ServiceProcess.Start(info, $"publish-{Path.GetFileName(folder)}");
            Assert.True(await build.Exited.WaitAsync(TimeSpan.FromMinutes(8)) == 0, $"dotnet {string.Join(' ', command.Skip(1))} failed: see artifacts/processes.");
        }

        return new PublishedService(image, folder);
    }

    /// <summary>The image's entry point with <paramref name="arguments"/> (the container's command).</summary>
    public ServiceProcess Start(string name, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        ServiceProcess.Start(AsImageUser([.. Image.Entrypoint, .. arguments], environment), name);

    /// <summary>The image's health check, run as the image runs it: in the container's environment, as its user.</summary>
    public async Task<int> CheckHealth(IReadOnlyDictionary<string, string> environment)
    {
        var command = Image.HealthCheck.ToArray();
        command[0] = Path.Combine(RepositoryRoot.Path, Image.CopiedFiles[command[0]]);
        using var check = ServiceProcess.Start(AsImageUser(command, environment), "healthcheck");
        return await check.Exited.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private ProcessStartInfo AsImageUser(string[] command, IReadOnlyDictionary<string, string> environment)
    {
        Assert.NotEqual(0, UserId);

        // Tests run as root on CI; drop to the image's user as the container runtime would. A non-root runner
        // already is some non-root user.
        var info = Environment.IsPrivilegedProcess
            ? new ProcessStartInfo("setpriv", [$"--reuid={UserId}", $"--regid={UserId}", "--clear-groups", "--", .. command])
            : new ProcessStartInfo(command[0], command[1..]);
        info.WorkingDirectory = Folder;
        info.Environment.Clear();
        foreach (var (key, value) in BaseImageEnvironment.Append(new("HOME", home)).Concat(environment))
        {
            info.Environment[key] = value;
        }

        return info;
    }
}
