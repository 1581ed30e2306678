// A custom kind and its reconciler: a Website (image, replicas, port) that owns a Deployment and a Service, on the
// in-memory runtime. See docs/extending.md.
using CustomKind;

return await WebsiteApp.RunAsync(Console.Out);
