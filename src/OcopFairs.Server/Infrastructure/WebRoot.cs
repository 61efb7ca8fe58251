namespace OcopFairs.Server.Infrastructure;

/// <summary>Where the built web app is: <c>OCOP_WEB_ROOT</c>, else the repository's <c>web/dist</c> found above the binary.</summary>
public static class WebRoot
{
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable("OCOP_WEB_ROOT") is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var dist = Path.Combine(dir.FullName, "web", "dist");
            if (File.Exists(Path.Combine(dir.FullName, "OcopFairs.sln")))
            {
                return Directory.Exists(dist) ? dist : null;
            }
        }

        return null;
    }
}
