// Getting started: the app from the article this project started from — a web front end of three replicas,
// a background worker, a database and a cache, each with CPU and memory requests — kept running by the SDK.
// It runs on Docker when an engine answers (and /bin/busybox exists to build a tiny image), else on the
// in-memory runtime, and says which. `-- publish --kubeconfig <file>` publishes the declaration to a cluster instead.
using GettingStarted;

if (args is ["publish", .. var rest])
{
    return await PublishCommand.RunAsync(rest);
}

using var engine = DockerEngine.Resolve();
var unavailable = await engine.WhyUnavailableAsync();
if (unavailable is null && !File.Exists(DockerApp.BusyboxPath))
{
    unavailable = $"a Docker engine answers at {engine.Endpoint}, but {DockerApp.BusyboxPath} is missing to build the demo image";
}

if (unavailable is null)
{
    ClusterView.Say($"Runtime: Docker (engine at {engine.Endpoint})");
    return await DockerApp.RunAsync(args, engine);
}

ClusterView.Say($"Runtime: in-memory (3 simulated nodes), because {unavailable}");
return await InMemoryApp.RunAsync(args);
