namespace Orchestration.Sdk.Docker;

/// <summary>An image reference split as the pull API wants it: repository, and tag or digest.</summary>
/// <param name="Repository">"shop-web", "registry:5000/team/app".</param>
/// <param name="Tag">"2", "latest", or a digest "sha256:…".</param>
internal sealed record ImageReference(string Repository, string Tag)
{
    /// <summary>Splits "name[:tag][@digest]"; a reference without either gets the tag "latest", as docker does.</summary>
    public static ImageReference Parse(string image)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        var at = image.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            return new ImageReference(image[..at], image[(at + 1)..]);
        }

        var colon = image.LastIndexOf(':');
        return colon > image.LastIndexOf('/')
            ? new ImageReference(image[..colon], image[(colon + 1)..])
            : new ImageReference(image, "latest");
    }
}
