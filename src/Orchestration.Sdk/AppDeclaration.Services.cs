using Orchestration.Sdk.Declaration;

namespace Orchestration.Sdk;

public sealed partial class AppDeclaration
{
    /// <summary>
    /// Declares a Service: a stable name and address for a set of pods, with only the Ready ones receiving traffic.
    /// The name must be a DNS-1035 label (at most 63 lower-case letters, digits and '-', starting with a letter).
    /// </summary>
    /// <param name="name">The service's name, unique among the declaration's services.</param>
    /// <returns>The builder, to choose the pods and ports.</returns>
    /// <example><c>app.AddService("web").SelectingPodsOf(web).WithPort(80, targetPort: 8080);</c></example>
    public ServiceBuilder AddService(string name) => Add(new ServiceBuilder(name));
}
