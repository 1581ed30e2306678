using GettingStarted;
using Microsoft.Extensions.Configuration;

namespace Orchestration.Sdk.Kubernetes.Tests.Manifests;

/// <summary>
/// The declarations of samples/GettingStarted, built by the sample's own code (its ShopDeclaration and
/// DockerDeclaration files are compiled into this project), with the secret's value fixed instead of random.
/// </summary>
internal static class GettingStartedDeclaration
{
    public const string Password = "demo-0123456789ab";

    /// <summary>The in-memory sample's declaration (InMemoryApp, and what <c>publish</c> sends).</summary>
    public static AppDeclaration Create()
    {
        var app = new AppDeclaration();
        ShopDeclaration.Declare(app, Password);
        return app;
    }

    /// <summary>The Docker sample's declaration (DockerApp): a StatefulSet with a claim, a headless service, an init container.</summary>
    /// <param name="imageContext">A directory with a Dockerfile (the declaration checks there is one); nothing is built.</param>
    public static AppDeclaration CreateDocker(string imageContext)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("Db:Password", Password)])
            .Build();
        var app = new AppDeclaration();
        DockerDeclaration.Declare(app, configuration, imageContext);
        return app;
    }
}
