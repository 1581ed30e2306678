namespace Orchestration.Sdk.Model;

/// <summary>When a runtime pulls a container's image, as Kubernetes' imagePullPolicy.</summary>
public enum ImagePullPolicy
{
    /// <summary>Pull only when the image is not present locally.</summary>
    IfNotPresent,

    /// <summary>Pull every time a container is created; a failed pull fails the container ("ErrImagePull").</summary>
    Always,

    /// <summary>Never pull: the image must be present locally.</summary>
    Never,
}
